-- Certificates of entitled persons (残疾军人证, 优待证, 烈士证明书, ...) and the evidence documents for their
-- category (references to documents kept elsewhere: archive numbers, document numbers, addresses).

-- One VALID certificate per person and type; a replacement (补发/换发) makes the old one REPLACED and points
-- to it; a death revokes every valid certificate (REVOKED with the death record), a revoked death record
-- restores them.
CREATE TABLE certificate (
  id                         BIGINT       NOT NULL AUTO_INCREMENT,
  entitled_person_id         BIGINT       NOT NULL,
  type                       VARCHAR(40)  NOT NULL,
  number                     VARCHAR(40)  NOT NULL,
  issued_on                  DATE         NOT NULL,
  status                     VARCHAR(20)  NOT NULL,
  replaces_id                BIGINT       NULL,
  replacement_reason         VARCHAR(20)  NULL,
  revoked_by_death_record_id BIGINT       NULL,
  revoked_at                 TIMESTAMP(6) NULL,
  issued_by                  VARCHAR(100) NOT NULL,
  created_at                 TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_certificate_number (type, number),
  KEY ix_certificate_person (entitled_person_id, type, status),
  KEY ix_certificate_death_record (revoked_by_death_record_id),
  CONSTRAINT fk_certificate_person FOREIGN KEY (entitled_person_id) REFERENCES entitled_person (id),
  CONSTRAINT fk_certificate_replaces FOREIGN KEY (replaces_id) REFERENCES certificate (id)
);

-- Evidence for the category: a reference, never the document itself. The same reference of the same type for
-- the same person is recorded once.
CREATE TABLE category_evidence (
  id                 BIGINT       NOT NULL AUTO_INCREMENT,
  entitled_person_id BIGINT       NOT NULL,
  document_type      VARCHAR(40)  NOT NULL,
  reference          VARCHAR(300) NOT NULL,
  issuing_authority  VARCHAR(200) NOT NULL,
  issued_on          DATE         NOT NULL,
  recorded_by        VARCHAR(100) NOT NULL,
  recorded_at        TIMESTAMP(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_category_evidence (entitled_person_id, document_type, reference(200)),
  CONSTRAINT fk_category_evidence_person FOREIGN KEY (entitled_person_id) REFERENCES entitled_person (id)
);
