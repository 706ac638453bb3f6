-- Revoking or disabling takes effect on the next request (issue 16): tokens of a user or client issued before
-- tokens_valid_after are refused by the gateway, and its proxied streams are closed. Set when an entry is
-- disabled, its credential set, or what its tokens carry (roles, clearance, compartments, agency, partner) changed.

ALTER TABLE directory_user ADD COLUMN tokens_valid_after timestamptz;
ALTER TABLE machine_client ADD COLUMN tokens_valid_after timestamptz;
CREATE INDEX directory_user_revoked_idx ON directory_user (tokens_valid_after) WHERE tokens_valid_after IS NOT NULL;
CREATE INDEX machine_client_revoked_idx ON machine_client (tokens_valid_after) WHERE tokens_valid_after IS NOT NULL;
