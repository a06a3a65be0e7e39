-- Allowance standards (低保标准) per year, urban and rural, with the month they take effect, and what each
-- one recomputed: amount entries and arrears cite the standard that caused them.
CREATE TABLE allowance_standard (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  area                   VARCHAR(5)    NOT NULL,
  standard_year          INT           NOT NULL,
  effective_month        DATE          NOT NULL,
  amount                 DECIMAL(14,2) NOT NULL,
  document_reference     VARCHAR(100)  NOT NULL,
  recomputed_allowances  INT           NOT NULL DEFAULT 0,
  arrears_entries        INT           NOT NULL DEFAULT 0,
  created_by             VARCHAR(128)  NOT NULL,
  created_at             TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT uk_standard UNIQUE (area, effective_month)
);

ALTER TABLE allowance_amount ADD COLUMN allowance_standard_id BIGINT NULL;

-- Arrears are owed either because a death record was revoked or because a standard was raised retroactively.
ALTER TABLE arrears MODIFY death_record_id BIGINT NULL;
ALTER TABLE arrears ADD COLUMN allowance_standard_id BIGINT NULL;
ALTER TABLE arrears ADD CONSTRAINT uk_arrears_standard UNIQUE (household_id, for_month, allowance_standard_id);
