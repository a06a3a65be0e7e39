package gov.civilaffairs.registry.importing;

import java.io.Reader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import gov.civilaffairs.platform.idnumber.InvalidNationalIdNumberException;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.registry.death.DeathRecordRepository;
import gov.civilaffairs.registry.death.DeathRecordRepository.SourceKey;
import gov.civilaffairs.registry.death.DeathRegistry;
import gov.civilaffairs.registry.death.DeathRegistry.Registration;
import gov.civilaffairs.registry.death.RegistrationOutcome;
import gov.civilaffairs.registry.importing.ImportRepository.RowResult;
import gov.civilaffairs.registry.person.Person;
import gov.civilaffairs.registry.person.PersonRepository;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a death feed (see {@link DeathFeed} for the columns) row by row: each row is registered in
 * a transaction of its own by the same rules as a single report ({@link DeathRegistry}), so a bad row
 * never stops the good ones and nothing is half-applied. Persons and earlier reports are looked up
 * once per chunk of rows. Each row's result is stored and can be read afterwards.
 */
@Service
class DeathImportService {

  private final DeathRegistry registry;
  private final PersonRepository persons;
  private final DeathRecordRepository records;
  private final ImportRepository imports;
  private final ImportProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  DeathImportService(DeathRegistry registry, PersonRepository persons, DeathRecordRepository records,
      ImportRepository imports, ImportProperties properties, TransactionTemplate transaction, Clock clock) {
    this.registry = registry;
    this.persons = persons;
    this.records = records;
    this.imports = imports;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * @return the id of the import, whose results {@code GET /imports/{id}} shows
   * @throws ProblemException 400 {@code invalid-feed} when the header lacks a column, 413
   *     {@code too-many-rows} beyond {@code registry.import.max-rows}; nothing is imported then
   */
  long importFeed(String fileName, Reader csv) {
    List<DeathFeed.Row> rows;
    try {
      rows = DeathFeed.read(csv, properties.maxRows());
    } catch (IllegalArgumentException e) {
      HttpStatus status = e.getMessage().contains("more than") ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
      throw new ProblemException(status, status == HttpStatus.BAD_REQUEST ? "invalid-feed" : "too-many-rows",
          "The death feed cannot be imported: " + e.getMessage() + ".");
    }
    long importId = imports.start(fileName, clock.instant());
    for (int from = 0; from < rows.size(); from += properties.chunkSize()) {
      List<DeathFeed.Row> chunk = rows.subList(from, Math.min(rows.size(), from + properties.chunkSize()));
      imports.saveRows(importId, importChunk(chunk));
    }
    imports.complete(importId, rows.size(), clock.instant());
    return importId;
  }

  private List<RowResult> importChunk(List<DeathFeed.Row> chunk) {
    LocalDate today = LocalDate.now(clock);
    Map<DeathFeed.Row, NationalIdNumber> ids = new HashMap<>();
    List<RowResult> results = new ArrayList<>(chunk.size());
    Map<Integer, String> unreadable = new HashMap<>();
    for (DeathFeed.Row row : chunk) {
      if (row.error() != null) {
        unreadable.put(row.number(), row.error());
        continue;
      }
      try {
        ids.put(row, NationalIdNumber.parse(row.report().nationalIdNumber(), today));
      } catch (InvalidNationalIdNumberException e) {
        unreadable.put(row.number(), e.getMessage());
      }
    }
    Map<String, Person> indexed = persons.findByNationalIdNumbers(
            ids.values().stream().map(NationalIdNumber::value).collect(Collectors.toSet()))
        .stream().collect(Collectors.toMap(Person::nationalIdNumber, Function.identity()));
    Map<SourceKey, Long> known = new HashMap<>(records.findRecordIdsBySources(ids.keySet().stream()
        .filter(r -> r.report().source() != null)
        .map(r -> new SourceKey(r.report().source(), r.report().sourceReference())).collect(Collectors.toSet())));
    for (DeathFeed.Row row : chunk) {
      if (unreadable.containsKey(row.number())) {
        results.add(new RowResult(row.number(), RegistrationOutcome.REJECTED, null, unreadable.get(row.number())));
        continue;
      }
      NationalIdNumber id = ids.get(row);
      SourceKey key = new SourceKey(row.report().source(), row.report().sourceReference());
      try {
        Registration registration = transaction.execute(status -> registry.register(row.report(), id,
            Optional.ofNullable(indexed.get(id.value())), Optional.ofNullable(known.get(key))));
        known.putIfAbsent(key, registration.deathRecordId());
        results.add(new RowResult(row.number(), registration.outcome(), registration.deathRecordId(), null));
      } catch (ProblemException e) {
        results.add(new RowResult(row.number(), RegistrationOutcome.REJECTED, null, e.getMessage()));
      }
    }
    return results;
  }
}
