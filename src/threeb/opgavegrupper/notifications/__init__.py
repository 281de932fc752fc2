"""E-mail notifications: who is told what, when something happens in a group.

Subscribers (applications, meetings, recommendations) decide when and what;
recipients.py decides who may be told; mails.py writes and sends the mail.
"""
