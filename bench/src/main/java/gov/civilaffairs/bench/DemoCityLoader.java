package gov.civilaffairs.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import gov.civilaffairs.bench.CityPeople.Resident;
import gov.civilaffairs.bench.Gateway.Principal;
import gov.civilaffairs.bench.Gateway.Reply;
import gov.civilaffairs.bench.Manifest.Entry;
import gov.civilaffairs.bench.Manifest.Programme;
import gov.civilaffairs.platform.idnumber.Sex;
import tools.jackson.databind.JsonNode;

/**
 * Builds the demo city of issue 4 in the running system, through the gateway's REST APIs only:
 * allowance households (低保) in relief-service, elderly persons with their cards and old-age allowance
 * in eldercare-service, entitled persons with their pension in veterans-service, and everyone in
 * registry-service's person index first, in bulk: CSV files of {@code bench.personsPerFile} rows to
 * {@code POST /api/registry/persons/imports} (the index is fed in bulk from the hukou system). The
 * programmes are one call per record, a bounded pool ({@code bench.threads}) keeping that many in
 * flight. A person or household already there (409, ALREADY_INDEXED) counts as loaded, so a second run
 * with the same seed adds nothing. 429 (rate limit) answers are waited out and sent again
 * ({@link Gateway}); a call that finally failed is reported, its person left out of the manifest, and
 * the loader exits with status 1. Then writes the manifest and the day's demo feed ({@link DemoFeed}).
 *
 * <p>Ages follow the services' rules (city policy defaults): elderly 60 and over, transit card from
 * 70, old-age allowance from 80 (eldercare-service's {@code eldercare.*} properties).
 */
public final class DemoCityLoader {

  private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");
  private static final YearMonth START = YearMonth.of(2026, 1);

  private final Settings settings;
  private final Gateway gateway;
  private final CityPeople people;
  private final LocalDate today = LocalDate.now(BUREAU);
  private final Queue<Entry> loaded = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicLong> calls = new LinkedHashMap<>();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicBoolean reliefMissing = new AtomicBoolean();
  private final Set<String> indexed = ConcurrentHashMap.newKeySet();

  DemoCityLoader(Settings settings) {
    this.settings = settings;
    this.gateway = new Gateway(settings);
    this.people = new CityPeople(settings.seed(), today);
    for (String kind : List.of("created", "already there", "failed")) {
      calls.put(kind, new AtomicLong());
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Settings settings = Settings.fromSystemProperties();
    long failed = new DemoCityLoader(settings).run();
    if (failed > 0) {
      System.out.printf("FAILED: %d calls or rows failed after retries (see above); their persons are not in the manifest%n",
          failed);
      System.exit(1);
    }
  }

  /** @return calls or rows that finally failed */
  long run() throws InterruptedException {
    System.out.printf("Loading %d households, %d elderly persons, %d veterans into %s (%d villages of %s), %d threads%n",
        settings.households(), settings.elderly(), settings.veterans(), settings.gateway(), people.villageCount(),
        CityPeople.CITY, settings.threads());
    // relief-service publishes its API document; without POST /households (not merged yet) the
    // households' members still go into the person index.
    Reply reliefApi = gateway.get(Principal.CITY_ADMIN, "/api/relief/v3/api-docs");
    reliefMissing.set(reliefApi.body() == null || !reliefApi.body().path("paths").has("/households"));
    List<Runnable> work = new ArrayList<>();
    List<Resident> residents = new ArrayList<>();
    for (int i = 0; i < settings.households(); i++) {
      List<Member> members = household();
      members.forEach(m -> residents.add(m.resident()));
      work.add(() -> loadHousehold(members));
    }
    for (int i = 0; i < settings.elderly(); i++) {
      Resident elder = people.resident(60, 100, people.randomVillage());
      residents.add(elder);
      work.add(() -> loadElder(elder));
    }
    for (int i = 0; i < settings.veterans(); i++) {
      Resident veteran = people.resident(40, 95, people.randomVillage());
      boolean disabled = people.chance(0.3);
      residents.add(veteran);
      work.add(() -> loadVeteran(veteran, disabled));
    }
    long start = System.nanoTime();
    indexAll(residents);
    System.out.printf("  person index: %d of %d persons indexed in %.0f s%n", indexed.size(), residents.size(),
        (System.nanoTime() - start) / 1e9);
    start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
    work.forEach(task -> pool.execute(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        failure("task", 0, e.getMessage());
      }
    }));
    pool.shutdown();
    while (!pool.awaitTermination(15, TimeUnit.SECONDS)) {
      progress(start);
      // who is loaded so far, so that an interrupted load still leaves a usable manifest
      Manifest.write(settings.manifest(), List.copyOf(loaded));
    }
    progress(start);
    Manifest.write(settings.manifest(), loaded);
    System.out.printf("Loaded %d persons; manifest %s%n", loaded.size(), settings.manifest());
    if (reliefMissing.get()) {
      System.out.println("NOTE: relief-service has no POST /households (not in its API document): households were not loaded, "
          + "their members are in the person index only (REGISTRY in the manifest).");
    }
    DemoFeed.write(settings, Manifest.read(settings.manifest()), today);
    System.out.printf("Calls answered 429/503 and sent again: %d%n", gateway.retried());
    return calls.get("failed").get();
  }

  /**
   * Adds everyone to the registry's person index in CSV files of {@code bench.personsPerFile} rows, two
   * files in flight; remembers who is indexed (CREATED or ALREADY_INDEXED).
   */
  private void indexAll(List<Resident> residents) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    for (int from = 0; from < residents.size(); from += settings.personsPerFile()) {
      List<Resident> file = residents.subList(from, Math.min(residents.size(), from + settings.personsPerFile()));
      pool.execute(() -> {
        try {
          indexFile(file);
        } catch (RuntimeException e) {
          failure("/persons/imports", 0, e.getMessage());
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
  }

  private void indexFile(List<Resident> file) {
    StringBuilder csv = new StringBuilder("national_id_number,name,sex,birth_date,region_code\n");
    for (Resident r : file) {
      csv.append(r.nationalIdNumber()).append(',').append(r.name()).append(',').append(r.sex().name()).append(',')
          .append(r.birthDate()).append(',').append(r.regionCode()).append('\n');
    }
    Reply reply = gateway.postCsv(Principal.CITY_ADMIN, "/api/registry/persons/imports", csv.toString());
    if (!reply.ok()) {
      for (int i = 0; i < file.size(); i++) {
        failure("/persons/imports", reply.status(), reply.body() == null ? "" : reply.body().toString());
      }
      return;
    }
    for (JsonNode row : reply.body().path("rows")) {
      Resident r = file.get(row.get("rowNo").asInt() - 1);
      switch (row.get("outcome").asString()) {
        case "CREATED" -> {
          calls.get("created").incrementAndGet();
          indexed.add(r.nationalIdNumber());
        }
        case "ALREADY_INDEXED" -> {
          calls.get("already there").incrementAndGet();
          indexed.add(r.nationalIdNumber());
        }
        default -> failure("/persons/imports row", 200, r.nationalIdNumber() + ": " + row.path("reason").asString());
      }
    }
  }

  private record Member(Resident resident, String relation) {
  }

  /** One to five members, about 2.5 on average: a head, often a spouse, children, sometimes a parent. */
  private List<Member> household() {
    String village = people.randomVillage();
    List<Member> members = new ArrayList<>();
    Resident head = people.resident(25, 85, village);
    members.add(new Member(head, "HEAD"));
    int headAge = head.ageOn(today);
    if (people.chance(0.55)) {
      members.add(new Member(people.resident(Math.max(20, headAge - 5), Math.min(100, headAge + 5),
          people.opposite(head.sex()), village), "SPOUSE"));
    }
    int children = headAge < 70 ? people.between(0, 2) : 0;
    for (int c = 0; c < children; c++) {
      members.add(new Member(people.resident(Math.max(0, headAge - 45), Math.max(0, headAge - 20), village), "CHILD"));
    }
    if (headAge < 55 && people.chance(0.2)) {
      members.add(new Member(people.resident(headAge + 20, Math.min(100, headAge + 35), village), "PARENT"));
    }
    return members;
  }

  private void loadHousehold(List<Member> members) {
    for (Member m : members) {
      if (!indexed(m.resident())) {
        return;
      }
    }
    if (reliefMissing.get()) {
      members.forEach(m -> loaded.add(new Entry(Programme.REGISTRY, m.resident())));
      return;
    }
    String village = members.get(0).resident().regionCode();
    // GB/T 2260 urban-rural codes: 村/社区 codes 001-199 are residents' committees (urban), 200+ villages.
    String area = Integer.parseInt(village.substring(9)) < 200 ? "URBAN" : "RURAL";
    Map<String, Object> body = Map.of("regionCode", village, "area", area,
        "monthlyIncome", BigDecimal.valueOf(people.random().nextInt(0, 400 * members.size())),
        "startMonth", START.toString(),
        "members", members.stream().map(m -> Map.of("nationalIdNumber", m.resident().nationalIdNumber(),
            "name", m.resident().name(), "relation", m.relation())).toList());
    if (count("/households", gateway.postJson(Principal.CITY_ADMIN, "/api/relief/households", body))) {
      members.forEach(m -> loaded.add(new Entry(Programme.RELIEF, m.resident())));
    }
  }

  /** Card numbers are "ZJ" / "ZJT" and the ID number: unique, and the same in a second run. */
  private void loadElder(Resident elder) {
    if (!indexed(elder)) {
      return;
    }
    String id = elder.nationalIdNumber();
    if (!count("/elderly-persons", gateway.postJson(Principal.CITY_ADMIN, "/api/eldercare/elderly-persons",
        Map.of("nationalIdNumber", id, "name", elder.name(), "regionCode", elder.regionCode())))) {
      return;
    }
    loaded.add(new Entry(Programme.ELDERCARE, elder));
    String person = "/api/eldercare/elderly-persons/" + id;
    count("/elderly-card", gateway.postJson(Principal.CITY_ADMIN, person + "/elderly-card", Map.of("cardNumber", "ZJ" + id)));
    if (elder.ageOn(today) >= 70) {
      count("/transit-card", gateway.postJson(Principal.CITY_ADMIN, person + "/transit-card",
          Map.of("cardNumber", "ZJT" + id)));
    }
    if (elder.ageOn(START.atDay(1)) >= 80) {
      count("/old-age-allowance", gateway.postJson(Principal.CITY_ADMIN, person + "/old-age-allowance",
          Map.of("startMonth", START.toString())));
    }
  }

  private void loadVeteran(Resident veteran, boolean disabled) {
    if (!indexed(veteran)) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("nationalIdNumber", veteran.nationalIdNumber());
    body.put("name", veteran.name());
    body.put("category", disabled ? "DISABLED_VETERAN" : "DEMOBILISED_VETERAN");
    if (disabled) {
      body.put("disabilityGrade", 1 + Math.floorMod(veteran.nationalIdNumber().hashCode(), 10));
      body.put("disabilityCause", "DUTY");
    }
    body.put("regionCode", veteran.regionCode());
    body.put("monthlyAmount", disabled ? new BigDecimal("2830.00") : new BigDecimal("860.00"));
    body.put("startMonth", START.toString());
    if (count("/entitled-persons", gateway.postJson(Principal.CITY_ADMIN, "/api/veterans/entitled-persons", body))) {
      loaded.add(new Entry(Programme.VETERANS, veteran));
    }
  }

  /** Whether the resident is in the registry's person index ({@link #indexAll}). */
  private boolean indexed(Resident r) {
    return indexed.contains(r.nationalIdNumber());
  }

  /** Counts a call; true when created or already there. */
  private boolean count(String what, Reply reply) {
    if (reply.ok()) {
      calls.get("created").incrementAndGet();
      return true;
    }
    if (reply.status() == 409) {
      calls.get("already there").incrementAndGet();
      return true;
    }
    failure(what, reply.status(), reply.body() == null ? "" : reply.body().toString());
    return false;
  }

  private void failure(String what, int status, String detail) {
    calls.get("failed").incrementAndGet();
    if (failures.incrementAndGet() <= 10) {
      System.out.printf("  FAILED %s: HTTP %d %s%n", what, status, detail);
    }
  }

  private void progress(long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    long total = calls.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.printf("  %6.0f s: %s; %d calls, %.0f rows/s%n", seconds, calls, total, total / seconds);
  }
}
