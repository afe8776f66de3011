"""The tracker has no admin pages, on purpose.

Applications, their history, interviews, contacts, notes, documents, share
links and settings are a person's private job hunt: the site promises that only
they see them, so no staff account (superusers included) lists, opens or edits
them here. Deleting an account in the admin still deletes them with it.
"""
