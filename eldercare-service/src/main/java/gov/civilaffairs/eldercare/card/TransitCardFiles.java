package gov.civilaffairs.eldercare.card;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily file sent to the transit-card system (issue 7: "the list sent to the transit-card system as a daily
 * file"). CSV (RFC 4180, UTF-8, header line) with the columns {@value #HEADER}: one line per free-transit card
 * in card-number order; {@code status} is {@code VALID} for an issued card and {@code BLOCKED} for a revoked one;
 * then the old numbers of replaced cards, BLOCKED with an empty {@code issued_on}.
 * The file carries no personal data beyond the card number (data minimisation, GB/T 35273-2020 5.2). Generating
 * it marks the pending block/unblock notifications sent.
 */
@Service
public class TransitCardFiles {

  static final String HEADER = "card_number,status,issued_on";

  private final CardRepository repository;
  private final BureauClock clock;

  TransitCardFiles(CardRepository repository, BureauClock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Generates the file of a date; idempotent: the file of a date that has one is returned as it was.
   *
   * @throws ProblemException 422 {@code future-date} for a date after today (Asia/Shanghai)
   */
  @Transactional
  public TransitCardFile generate(LocalDate date) {
    if (date.isAfter(clock.today())) {
      throw ProblemException.unprocessable("future-date", "The file of " + date + " cannot be generated before that "
          + "day (today is " + clock.today() + ").");
    }
    Optional<TransitCardFile> existing = repository.findFile(date);
    if (existing.isPresent()) {
      return existing.get();
    }
    StringWriter out = new StringWriter();
    int[] lines = {0};
    try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER.split(",")).get().print(out)) {
      repository.forEachTransitCard(card -> {
        try {
          csv.printRecord(card.cardNumber(), card.status() == CardStatus.ISSUED ? "VALID" : "BLOCKED",
              card.issuedOn());
          lines[0]++;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      for (String oldNumber : repository.replacedTransitCardNumbers()) {
        csv.printRecord(oldNumber, "BLOCKED", "");
        lines[0]++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long fileId;
    try {
      fileId = repository.insertFile(date, lines[0], out.toString(), clock.now());
    } catch (DuplicateKeyException generatedConcurrently) {
      return repository.findFile(date).orElseThrow();
    }
    repository.markNotificationsSent(fileId, clock.now());
    return repository.findFile(date).orElseThrow();
  }

  /** @throws ProblemException 404 when the date has no file */
  public TransitCardFile file(LocalDate date) {
    return repository.findFile(date).orElseThrow(() -> ProblemException.notFound("Transit-card file of", date));
  }

  /** The file's CSV content as sent. @throws ProblemException 404 when the date has no file */
  public String content(LocalDate date) {
    return repository.fileContent(date).orElseThrow(() -> ProblemException.notFound("Transit-card file of", date));
  }
}
