-- Numbered choices last shown to a chat (Zalo and the local chat have no buttons); see ChatAccount.LastChoices.
ALTER TABLE chat_accounts ADD last_choices jsonb;
