-- Disaster relief (灾害救助), part 2: disaster events, their reports (初报, 续报, 核报; 《自然灾害情况统计调查制度》) and the
-- relief distributed to each recipient (救灾款物发放; 《自然灾害救助条例》).
CREATE TABLE disaster_event (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  region_code          VARCHAR(12)   NOT NULL,
  kind                 VARCHAR(24)   NOT NULL,
  title                VARCHAR(200)  NOT NULL,
  occurred_at          TIMESTAMP(6)  NOT NULL,
  status               VARCHAR(6)    NOT NULL,
  closed_at            TIMESTAMP(6)  NULL,
  created_by           VARCHAR(128)  NOT NULL,
  created_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  INDEX ix_disaster_event_region (region_code, id),
  INDEX ix_disaster_event_occurred (occurred_at)
);

CREATE TABLE disaster_report (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  event_id             BIGINT        NOT NULL,
  type                 VARCHAR(9)    NOT NULL,
  reported_at          TIMESTAMP(6)  NOT NULL,
  due_at               TIMESTAMP(6)  NOT NULL,
  late                 BOOLEAN       NOT NULL,
  affected_persons     INT           NOT NULL,
  relocated_persons    INT           NOT NULL,
  deaths               INT           NOT NULL,
  damaged_houses       INT           NOT NULL,
  direct_economic_loss DECIMAL(14,2) NOT NULL,
  stabilised_on        DATE          NULL,
  remarks              VARCHAR(2000) NULL,
  created_by           VARCHAR(128)  NOT NULL,
  CONSTRAINT fk_report_event FOREIGN KEY (event_id) REFERENCES disaster_event (id),
  INDEX ix_report_event (event_id, id)
);

CREATE TABLE disaster_relief_distribution (
  id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
  event_id             BIGINT        NOT NULL,
  region_code          CHAR(12)      NOT NULL,
  recipient_kind       VARCHAR(9)    NOT NULL,
  national_id_number   CHAR(18)      NOT NULL,
  name                 VARCHAR(100)  NOT NULL,
  item                 VARCHAR(100)  NOT NULL,
  kind                 VARCHAR(5)    NOT NULL,
  amount               DECIMAL(14,2) NULL,
  quantity             INT           NULL,
  unit                 VARCHAR(10)   NULL,
  distributed_on       DATE          NOT NULL,
  created_by           VARCHAR(128)  NOT NULL,
  created_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT fk_distribution_event FOREIGN KEY (event_id) REFERENCES disaster_event (id),
  CONSTRAINT uk_distribution_event_item_recipient UNIQUE (event_id, item, national_id_number),
  INDEX ix_distribution_region (region_code, id),
  INDEX ix_distribution_day (distributed_on)
);
