package gov.civilaffairs.relief.subsidy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.web.ProblemException;
import gov.civilaffairs.relief.allowance.Area;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-off subsidy batches (一次性生活补贴: 物价补贴, 冬春补助, 春节生活补贴, 送温暖; DOMAIN.md). The targets are
 * chosen by a rule: the households whose minimum living allowance is paid for a reference month, urban, rural
 * or both; each gets a sum per household plus a sum per living member. The list is generated with the
 * batch; the batch is paid once. The same person is never paid twice in one batch (table
 * {@code subsidy_batch_person}, primary key batch and ID number), and one document gives one batch: a
 * repeated request returns the batch already made.
 */
@Service
public class SubsidyBatchService {

  private final SubsidyBatchRepository batches;
  private final TransactionTemplate transactions;

  SubsidyBatchService(SubsidyBatchRepository batches, TransactionTemplate transactions) {
    this.batches = batches;
    this.transactions = transactions;
  }

  /** A batch to make. */
  public record NewBatch(SubsidyBatch.Kind kind, String title, String documentReference, YearMonth referenceMonth,
      Area area, BigDecimal amountPerHousehold, BigDecimal amountPerPerson) {
  }

  /** The batch and whether this request made it (false: the same kind and document had one already). */
  public record Made(SubsidyBatch batch, boolean created) {
  }

  /**
   * Makes the batch and its list in one transaction.
   *
   * @throws ProblemException 422 {@code amount-required} when both amounts are zero
   */
  public Made make(NewBatch batch, String actor) {
    if (batch.amountPerHousehold().signum() == 0 && batch.amountPerPerson().signum() == 0) {
      throw ProblemException.unprocessable("amount-required", "amountPerHousehold or amountPerPerson must be above 0.");
    }
    var existing = batches.findByDocument(batch.kind(), batch.documentReference());
    if (existing.isPresent()) {
      return new Made(existing.get(), false);
    }
    try {
      long id = transactions.execute(tx -> {
        long batchId = batches.insert(batch.kind(), batch.title(), batch.documentReference(), batch.referenceMonth(),
            batch.area(), batch.amountPerHousehold(), batch.amountPerPerson(), actor);
        Map<Long, List<SubsidyBatchRepository.Target>> households = new LinkedHashMap<>();
        for (SubsidyBatchRepository.Target t : batches.targets(batch.referenceMonth(), batch.area())) {
          households.computeIfAbsent(t.householdId(), k -> new java.util.ArrayList<>()).add(t);
        }
        households.forEach((householdId, members) -> {
          long lineId = batches.insertLine(batchId, householdId, members.get(0).regionCode(), 0, BigDecimal.ZERO);
          int persons = 0;
          for (SubsidyBatchRepository.Target member : members) {
            if (batches.insertPerson(batchId, member.nationalIdNumber(), lineId)) {
              persons++;
            }
          }
          BigDecimal amount = batch.amountPerHousehold()
              .add(batch.amountPerPerson().multiply(BigDecimal.valueOf(persons))).setScale(2);
          updateLine(lineId, persons, amount);
        });
        batches.updateTotals(batchId);
        return batchId;
      });
      return new Made(batches.find(id).orElseThrow(), true);
    } catch (DuplicateKeyException madeConcurrently) {
      return new Made(batches.findByDocument(batch.kind(), batch.documentReference()).orElseThrow(), false);
    }
  }

  /**
   * Marks the batch paid (sent to the bank). A batch is paid once.
   *
   * @throws ProblemException 404; 409 {@code batch-already-paid}
   */
  public SubsidyBatch pay(long id) {
    find(id);
    if (!batches.markPaid(id)) {
      throw ProblemException.conflict("batch-already-paid", "Batch " + id + " was paid already; a batch is paid once.");
    }
    return find(id);
  }

  /** @throws ProblemException 404 */
  public SubsidyBatch find(long id) {
    return batches.find(id).orElseThrow(() -> ProblemException.notFound("Subsidy batch", id));
  }

  /** A page of the batch's lines within {@code area}, ordered by id. @throws ProblemException 404 */
  public List<SubsidyBatch.Line> lines(long id, RegionScope area, int page, int size) {
    find(id);
    return batches.lines(id, area, page, size);
  }

  private void updateLine(long lineId, int persons, BigDecimal amount) {
    batches.updateLine(lineId, persons, amount);
  }
}
