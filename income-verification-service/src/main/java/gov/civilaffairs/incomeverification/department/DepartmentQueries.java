package gov.civilaffairs.incomeverification.department;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Asks departments about a household's members, all at once on a bounded pool
 * ({@code income-verification.queries.*}), and waits for them no longer than a deadline. A department
 * that is slow or down does not hold up the others: it comes back as a missing {@link SourceResult}.
 */
public class DepartmentQueries {

  private final Map<Source, DepartmentAdapter> adapters;
  private final Executor executor;

  DepartmentQueries(Collection<DepartmentAdapter> adapters, Executor executor) {
    this.adapters = new EnumMap<>(Source.class);
    adapters.forEach(adapter -> this.adapters.put(adapter.source(), adapter));
    this.executor = executor;
  }

  /**
   * @param sources the departments to ask
   * @param members the members' national ID numbers (18 characters each)
   * @param deadline how long to wait for all of them
   * @return one result per source, in {@link Source} order; a source with no outcome by the deadline
   *     is {@link SourceResult.Status#NO_ANSWER_BY_DEADLINE} (its call runs on until its own timeout)
   */
  public Map<Source, SourceResult> query(Collection<Source> sources, List<String> members, Duration deadline) {
    Map<Source, CompletableFuture<SourceResult>> calls = new EnumMap<>(Source.class);
    for (Source source : sources) {
      calls.put(source, start(adapters.get(source), members));
    }
    CompletableFuture.allOf(calls.values().toArray(CompletableFuture[]::new))
        .completeOnTimeout(null, deadline.toMillis(), TimeUnit.MILLISECONDS)
        .join();
    Map<Source, SourceResult> results = new EnumMap<>(Source.class);
    calls.forEach((source, call) -> results.put(source, call.getNow(SourceResult.failed(source,
        SourceResult.Status.NO_ANSWER_BY_DEADLINE, "no answer within " + deadline, deadline))));
    return results;
  }

  private CompletableFuture<SourceResult> start(DepartmentAdapter adapter, List<String> members) {
    try {
      return CompletableFuture.supplyAsync(() -> adapter.query(members), executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(SourceResult.failed(adapter.source(), SourceResult.Status.BUSY,
          "query pool full", Duration.ZERO));
    }
  }
}
