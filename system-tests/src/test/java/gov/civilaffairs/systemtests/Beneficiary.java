package gov.civilaffairs.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A person the bureau pays in every service, enrolled through the gateway as a caseworker would: in the
 * registry's person index, in relief (head of a one-person rural household with the minimum living
 * allowance from January 2026), in eldercare (elderly card, free-transit card, old-age allowance from
 * January 2026) and in veterans' care (a martyr's survivor with a periodic pension of
 * {@value #MONTHLY_PENSION} yuan from January 2024).
 *
 * @param nationalIdNumber 18 characters, valid
 * @param name as in the person index
 * @param personId the registry's person id: the key of the person's events
 * @param householdId relief's household id
 */
record Beneficiary(String nationalIdNumber, String name, long personId, long householdId) {

  /** 江东社区, 暨阳街道, 诸暨市: a village-level code every service knows. */
  static final String REGION_CODE = "330681001001";
  static final String MONTHLY_PENSION = "1500.00";
  static final String ALLOWANCE_START_MONTH = "2026-01";

  private static final List<String> NAMES = List.of("王桂英", "李秀兰", "张建国", "刘玉珍", "陈德明", "杨淑芬", "赵志强",
      "黄秀英", "周春生", "吴凤英", "徐国华", "孙美华");
  private static final AtomicInteger NEXT = new AtomicInteger();

  /** Enrols a new person in every service; fails the test on any answer but 201. */
  static Beneficiary enrol(Api api, String token) {
    int number = NEXT.incrementAndGet();
    String idNumber = NationalIdNumbers.next();
    String name = NAMES.get(number % NAMES.size());
    long personId = created(api.post("/api/registry/persons", token,
        Map.of("nationalIdNumber", idNumber, "name", name, "regionCode", REGION_CODE))).json().path("id").asLong();

    long householdId = created(api.post("/api/relief/households", token, household(REGION_CODE, idNumber, name)))
        .json().path("id").asLong();

    created(api.post("/api/eldercare/elderly-persons", token,
        Map.of("nationalIdNumber", idNumber, "name", name, "regionCode", REGION_CODE)));
    String eldercare = "/api/eldercare/elderly-persons/" + idNumber;
    created(api.post(eldercare + "/elderly-card", token, Map.of("cardNumber", "EC%08d".formatted(number))));
    created(api.post(eldercare + "/transit-card", token, Map.of("cardNumber", "TC%08d".formatted(number))));
    created(api.post(eldercare + "/old-age-allowance", token, Map.of("startMonth", ALLOWANCE_START_MONTH)));

    Map<String, Object> entitled = new LinkedHashMap<>();
    entitled.put("nationalIdNumber", idNumber);
    entitled.put("name", name);
    entitled.put("category", "MARTYR_SURVIVOR");
    entitled.put("regionCode", REGION_CODE);
    entitled.put("monthlyAmount", MONTHLY_PENSION);
    entitled.put("startMonth", "2024-01");
    created(api.post("/api/veterans/entitled-persons", token, entitled));
    return new Beneficiary(idNumber, name, personId, householdId);
  }

  /** A one-person rural household without income, headed by the person: eligible for the allowance. */
  static Map<String, Object> household(String regionCode, String idNumber, String name) {
    return Map.of("regionCode", regionCode, "area", "RURAL", "monthlyIncome", "0.00",
        "startMonth", ALLOWANCE_START_MONTH,
        "members", List.of(Map.of("nationalIdNumber", idNumber, "name", name, "relation", "HEAD")));
  }

  private static Api.Response created(Api.Response response) {
    assertThat(response.status()).as("enrolment: %s", response).isEqualTo(201);
    return response;
  }

  /** {@code /api/relief/households/<id>}. */
  String household() {
    return "/api/relief/households/" + householdId;
  }

  /** {@code /api/eldercare/elderly-persons/<ID number>}. */
  String eldercare() {
    return "/api/eldercare/elderly-persons/" + nationalIdNumber;
  }

  /** {@code /api/veterans/entitled-persons/<ID number>}. */
  String veterans() {
    return "/api/veterans/entitled-persons/" + nationalIdNumber;
  }
}
