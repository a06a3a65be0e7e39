-- Payee bank accounts (代发账户) of the beneficiaries paid through the bank files: one per beneficiary, replaced as a
-- whole by PUT (the change is in the audit trail). beneficiary_kind names whose id beneficiary_id is: HOUSEHOLD (the
-- minimum living allowance's payment roll lines carry the household id); EXTREME_POVERTY_CASE and CHILD_REGISTRATION
-- are reserved for the other schemes (not set through REST yet). account_number is digits only (12-19), kept in
-- full: the bank needs it; responses mask it per role.
CREATE TABLE payee_account
(
  beneficiary_kind VARCHAR(32)  NOT NULL,
  beneficiary_id   BIGINT       NOT NULL,
  holder_name      VARCHAR(100) NOT NULL,
  bank_code        CHAR(12)     NOT NULL,
  bank_name        VARCHAR(100) NOT NULL,
  account_number   VARCHAR(19)  NOT NULL,
  updated_at       TIMESTAMP(6) NOT NULL,
  updated_by       VARCHAR(100) NOT NULL,
  PRIMARY KEY (beneficiary_kind, beneficiary_id)
);
