-- The scopes of a machine client's token (issue 3: every call by a machine client is audited with
-- its client id and scopes; docs/audit.md). Empty for users and the service itself.
ALTER TABLE audit_entry
  ADD COLUMN actor_scopes VARCHAR(500) NOT NULL DEFAULT '' COMMENT 'scopes of a machine client, space separated'
  AFTER actor_roles;
