package gov.civilaffairs.eldercare.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.eldercare.EldercareTestSupport;
import gov.civilaffairs.eldercare.FixedClockConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** Care-level assessments: item scores give the total and the level (default levels after GB/T 42195-2022). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(FixedClockConfiguration.class)
class CareAssessmentIT extends EldercareTestSupport {

  @Test
  void theItemScoresGiveTheLevelAndBadSheetsChangeNothing() throws Exception {
    String person = registerPerson("19360301", JIANGDONG);
    String path = "/elderly-persons/" + person + "/care-assessments";

    JsonNode moderate = call(JIYANG_CASEWORKER, "POST", path, sheet(20, 10, 20, 8), 201);
    assertThat(moderate.path("totalScore").asInt()).isEqualTo(58);
    assertThat(moderate.path("careLevel").asString()).isEqualTo("MODERATE");
    assertThat(call(JIYANG_CASEWORKER, "POST", path, sheet(32, 16, 30, 12), 201).path("careLevel").asString())
        .isEqualTo("ABLE");
    assertThat(call(JIYANG_CASEWORKER, "POST", path, sheet(32, 16, 30, 11), 201).path("careLevel").asString())
        .as("89 is mild").isEqualTo("MILD");
    assertThat(call(JIYANG_CASEWORKER, "POST", path, sheet(10, 5, 10, 4), 201).path("careLevel").asString())
        .as("29 is total").isEqualTo("TOTAL");
    assertThat(call(JIYANG_CASEWORKER, "POST", path, sheet(12, 4, 10, 4), 201).path("careLevel").asString())
        .as("30 is severe").isEqualTo("SEVERE");

    assertThat(problem(JIYANG_CASEWORKER, "POST", path, sheet(33, 16, 30, 12), 422)).isEqualTo("score-out-of-range");
    assertThat(problem(JIYANG_CASEWORKER, "POST", path, """
        {"assessedOn":"2026-11-10","assessor":"评估中心","items":{"SELF_CARE":20}}""", 422)).isEqualTo("missing-item");
    assertThat(problem(JIYANG_CASEWORKER, "POST", path, """
        {"assessedOn":"2026-11-16","assessor":"评估中心","items":{"SELF_CARE":20,"BASIC_MOTOR":10,"MENTAL_STATE":20,
         "PERCEPTION_SOCIAL":8}}""", 422)).isEqualTo("future-date");
    assertThat(problem(DIANKOU_CASEWORKER, "POST", path, sheet(20, 10, 20, 8), 404)).isEqualTo("not-found");
    assertThat(problem(DIANKOU_CASEWORKER, "GET", path, null, 404)).isEqualTo("not-found");
    JsonNode all = call(JIYANG_CASEWORKER, "GET", path, null, 200);
    assertThat(all).hasSize(5);
    assertThat(all.get(0).path("items").path("SELF_CARE").asInt()).isEqualTo(20);
  }

  private static String sheet(int selfCare, int motor, int mental, int perception) {
    return """
        {"assessedOn":"2026-11-10","assessor":"诸暨市老年人能力评估中心","careLevel":"ABLE","totalScore":90,
         "items":{"SELF_CARE":%d,"BASIC_MOTOR":%d,"MENTAL_STATE":%d,"PERCEPTION_SOCIAL":%d}}"""
        .formatted(selfCare, motor, mental, perception);
  }
}
