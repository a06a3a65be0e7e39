package gov.civilaffairs.registry.death.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.registry.death.DeathRecord;
import gov.civilaffairs.registry.death.DeathRecordRepository;
import gov.civilaffairs.registry.death.DeathRecordSource;
import gov.civilaffairs.registry.death.DeathRecordStatus;
import gov.civilaffairs.registry.death.HistoryEntry;
import gov.civilaffairs.registry.death.HoldReason;

/**
 * A death record with the sources that support it and its history: the "why" of a stopped benefit.
 * The ID number is masked for roles not in {@code platform.security.unmasked-roles.NATIONAL_ID_NUMBER}.
 */
record DeathRecordResponse(long id, Long personId, @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, String name, LocalDate dateOfDeath,
    DeathRecordStatus status, HoldReason holdReason, Instant createdAt, List<DeathRecordSource> sources,
    List<HistoryEntry> history) {

  static DeathRecordResponse of(DeathRecord r, DeathRecordRepository records) {
    return new DeathRecordResponse(r.id(), r.personId(), r.nationalIdNumber(), r.name(), r.dateOfDeath(), r.status(),
        r.holdReason(), r.createdAt(), records.findSources(r.id()), records.findHistory(r.id()));
  }
}
