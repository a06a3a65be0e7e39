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

/**
 * Builds the demo city of issue 4 in the running system, through the gateway's REST APIs only:
 * allowance households (低保) in relief-service, elderly persons with their cards and old-age allowance
 * in eldercare-service, entitled persons with their pension in veterans-service, and everyone in
 * registry-service's person index first. A bounded pool ({@code bench.threads}) keeps that many calls
 * in flight. A person or household already there (409) counts as loaded, so a second run with the same
 * seed adds nothing. Then writes the manifest and the day's demo feed ({@link DemoFeed}).
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
    new DemoCityLoader(settings).run();
  }

  void run() throws InterruptedException {
    System.out.printf("Loading %d households, %d elderly persons, %d veterans into %s (%d villages of %s), %d threads%n",
        settings.households(), settings.elderly(), settings.veterans(), settings.gateway(), people.villageCount(),
        CityPeople.CITY, settings.threads());
    // relief-service publishes its API document; without POST /households (not merged yet) the
    // households' members still go into the person index.
    Reply reliefApi = gateway.get(Principal.CITY_ADMIN, "/api/relief/v3/api-docs");
    reliefMissing.set(reliefApi.body() == null || !reliefApi.body().path("paths").has("/households"));
    List<Runnable> work = new ArrayList<>();
    for (int i = 0; i < settings.households(); i++) {
      List<Member> members = household();
      work.add(() -> loadHousehold(members));
    }
    for (int i = 0; i < settings.elderly(); i++) {
      Resident elder = people.resident(60, 100, people.randomVillage());
      work.add(() -> loadElder(elder));
    }
    for (int i = 0; i < settings.veterans(); i++) {
      Resident veteran = people.resident(40, 95, people.randomVillage());
      boolean disabled = people.chance(0.3);
      work.add(() -> loadVeteran(veteran, disabled));
    }
    long start = System.nanoTime();
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
    }
    progress(start);
    Manifest.write(settings.manifest(), loaded);
    System.out.printf("Loaded %d persons; manifest %s%n", loaded.size(), settings.manifest());
    if (reliefMissing.get()) {
      System.out.println("NOTE: relief-service has no POST /households (not in its API document): households were not loaded, "
          + "their members are in the person index only (REGISTRY in the manifest).");
    }
    DemoFeed.write(settings, Manifest.read(settings.manifest()), today);
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

  /** Adds the resident to the registry's person index; true when there (created now or before). */
  private boolean indexed(Resident r) {
    return count("/persons", gateway.postJson(Principal.CITY_ADMIN, "/api/registry/persons",
        Map.of("nationalIdNumber", r.nationalIdNumber(), "name", r.name(), "sex", r.sex().name(),
            "birthDate", r.birthDate().toString(), "regionCode", r.regionCode())));
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
