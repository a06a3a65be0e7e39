-- Applications for the minimum living allowance (低保申请) and their steps (民发〔2021〕57号).
-- Dates are civil dates in Asia/Shanghai; money DECIMAL(14,2) yuan; months as the DATE of their first day.
CREATE TABLE allowance_application (
  id                              BIGINT AUTO_INCREMENT PRIMARY KEY,
  region_code                     CHAR(12)      NOT NULL,
  area                            VARCHAR(5)    NOT NULL,
  status                          VARCHAR(20)   NOT NULL,
  received_on                     DATE          NOT NULL,
  -- NULL while the official calendar does not cover the period (a year not yet published)
  due_on                          DATE          NULL,
  registry_check                  VARCHAR(7)    NOT NULL,
  registry_checked_at             TIMESTAMP(6)  NULL,
  consent_reference               VARCHAR(100)  NOT NULL,
  consent_signed_on               DATE          NOT NULL,
  verification_request_id         BIGINT        NULL,
  verification_error              VARCHAR(500)  NULL,
  verification_outcome            VARCHAR(30)   NULL,
  verification_rule               VARCHAR(100)  NULL,
  verification_explanation        VARCHAR(1000) NULL,
  verified_monthly_income         DECIMAL(14,2) NULL,
  verified_living_members         INT           NULL,
  assessed_monthly_income         DECIMAL(14,2) NULL,
  investigation_findings          VARCHAR(2000) NULL,
  investigated_on                 DATE          NULL,
  community_review_requested      BOOLEAN       NOT NULL DEFAULT FALSE,
  notice_starts_on                DATE          NULL,
  notice_ends_on                  DATE          NULL,
  decided_on                      DATE          NULL,
  refusal_step                    VARCHAR(20)   NULL,
  refusal_reason                  VARCHAR(500)  NULL,
  household_id                    BIGINT        NULL,
  start_month                     DATE          NULL,
  created_by                      VARCHAR(128)  NOT NULL,
  created_at                      TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  INDEX ix_application_open (status, due_on, id),
  INDEX ix_application_region (region_code, id)
);

CREATE TABLE allowance_application_member (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id     BIGINT       NOT NULL,
  national_id_number CHAR(18)     NOT NULL,
  name               VARCHAR(100) NOT NULL,
  relation           VARCHAR(20)  NOT NULL,
  -- what registry-service said at intake or at the last retry: LIVING, DECEASED, NOT_INDEXED, UNAVAILABLE
  registry_status    VARCHAR(11)  NOT NULL,
  CONSTRAINT uk_application_member UNIQUE (application_id, national_id_number),
  CONSTRAINT fk_application_member FOREIGN KEY (application_id) REFERENCES allowance_application (id),
  INDEX ix_application_member_number (national_id_number)
);

-- References of the photos taken at the home investigation (the files live in the document store).
CREATE TABLE allowance_application_photo (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT       NOT NULL,
  reference      VARCHAR(200) NOT NULL,
  CONSTRAINT fk_application_photo FOREIGN KEY (application_id) REFERENCES allowance_application (id)
);

-- Every step taken, append-only: who, when, what was decided, and the note or reasons.
CREATE TABLE allowance_application_step (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  application_id BIGINT        NOT NULL,
  step           VARCHAR(30)   NOT NULL,
  outcome        VARCHAR(30)   NOT NULL,
  actor          VARCHAR(128)  NOT NULL,
  note           VARCHAR(2000) NULL,
  recorded_at    TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT fk_application_step FOREIGN KEY (application_id) REFERENCES allowance_application (id),
  INDEX ix_application_step (application_id, id)
);
