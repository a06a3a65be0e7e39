package gov.civilaffairs.eldercare.community;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import gov.civilaffairs.eldercare.EldercareTestSupport;
import gov.civilaffairs.eldercare.FixedClockConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** Community registers over REST, clock at 2026-11-15: homes and grading, associations, events, assessments. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(FixedClockConfiguration.class)
class CommunityRegistersIT extends EldercareTestSupport {

  @Test
  void aHomeIsGradedOncePerYearWithAConfiguredGrade() throws Exception {
    long home = call(JIYANG_CASEWORKER, "POST", "/community-elderly-homes",
        "{\"name\":\"江东社区星光老年之家\",\"regionCode\":\"" + JIANGDONG + "\",\"openedOn\":\"2015-10-01\"}", 201)
        .path("id").asLong();
    String gradings = "/community-elderly-homes/" + home + "/gradings";
    assertThat(problem(JIYANG_CASEWORKER, "POST", gradings,
        "{\"year\":2026,\"grade\":\"GOLD\",\"gradedOn\":\"2026-10-20\"}", 422)).isEqualTo("unknown-grade");
    JsonNode graded = call(JIYANG_CASEWORKER, "POST", gradings,
        "{\"year\":2026,\"grade\":\"MODEL\",\"gradedOn\":\"2026-10-20\"}", 200);
    assertThat(graded.path("gradings").get(0).path("grade").asString()).isEqualTo("MODEL");
    assertThat(problem(JIYANG_CASEWORKER, "POST", gradings,
        "{\"year\":2026,\"grade\":\"BASIC\",\"gradedOn\":\"2026-10-21\"}", 409)).isEqualTo("duplicate");
    assertThat(problem(DIANKOU_CASEWORKER, "POST", gradings,
        "{\"year\":2025,\"grade\":\"BASIC\",\"gradedOn\":\"2025-10-21\"}", 404)).isEqualTo("not-found");
    assertThat(call(DIANKOU_CASEWORKER, "GET", "/community-elderly-homes", null, 200).valueStream()
        .map(h -> h.path("id").asLong()).toList()).doesNotContain(home);
  }

  @Test
  void anAssociationIsDueForElectionATermAfterTheLastOneAndKeepsItsRecognitions() throws Exception {
    long association = call(JIYANG_CASEWORKER, "POST", "/elderly-associations",
        "{\"name\":\"金鸡山社区老年人协会\",\"regionCode\":\"" + JINJISHAN + "\",\"establishedOn\":\"2012-05-01\"}", 201)
        .path("id").asLong();
    JsonNode read = call(JIYANG_CASEWORKER, "GET", "/elderly-associations?electionOverdue=true", null, 200).valueStream()
        .filter(a -> a.path("id").asLong() == association).findFirst().orElseThrow();
    assertThat(read.path("nextElectionDue").asString()).isEqualTo("2015-05-01");
    JsonNode elected = call(JIYANG_CASEWORKER, "POST", "/elderly-associations/" + association + "/elections",
        "{\"electedOn\":\"2024-05-10\",\"chair\":\"赵德明\"}", 200);
    assertThat(elected.path("nextElectionDue").asString()).isEqualTo("2027-05-10");
    assertThat(elected.path("electionOverdue").asBoolean()).isFalse();
    assertThat(call(JIYANG_CASEWORKER, "GET", "/elderly-associations?electionOverdue=true", null, 200).valueStream()
        .map(x -> x.path("id").asLong()).toList()).doesNotContain(association);
    assertThat(call(JIYANG_CASEWORKER, "GET", "/elderly-associations", null, 200).valueStream()
        .map(x -> x.path("id").asLong()).toList()).contains(association);
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/elderly-associations/" + association + "/elections",
        "{\"electedOn\":\"2023-05-10\",\"chair\":\"钱\"}", 422)).isEqualTo("before-last-election");
    JsonNode recognised = call(JIYANG_CASEWORKER, "POST", "/elderly-associations/" + association + "/recognitions",
        "{\"year\":2025,\"title\":\"省级示范老年协会\",\"level\":\"PROVINCE\"}", 200);
    assertThat(recognised.path("recognitions")).hasSize(1);
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/elderly-associations/" + association + "/recognitions",
        "{\"year\":2027,\"title\":\"x\",\"level\":\"CITY\"}", 422)).isEqualTo("future-year");
  }

  @Test
  void eventsHaveALevelAndAssessmentsRankUnitsByScore() throws Exception {
    call(ZHUJI_OFFICER, "POST", "/cultural-events", """
        {"name":"诸暨市老年人门球赛","regionCode":"330681","heldOn":"2026-10-09","level":"MUNICIPALITY","kind":"SPORT",
         "participants":240}""", 201);
    assertThat(problem(JIYANG_CASEWORKER, "POST", "/cultural-events", """
        {"name":"x","regionCode":"330681","heldOn":"2026-10-09","level":"CITY","kind":"SPORT","participants":1}""", 403))
        .isEqualTo("region-outside-area");
    assertThat(problem(ZHUJI_OFFICER, "POST", "/cultural-events", """
        {"name":"x","regionCode":"330681","heldOn":"2026-12-09","level":"CITY","kind":"CULTURE","participants":1}""", 422))
        .isEqualTo("future-date");
    assertThat(call(ZHUJI_OFFICER, "GET", "/cultural-events?from=2026-01-01&to=2026-12-31", null, 200)
        .findValuesAsString("level")).contains("MUNICIPALITY");

    long jiyang = target("TOWNSHIP", "暨阳街道", "330681001", "服务站覆盖率", 10);
    long diankou = target("TOWNSHIP", "店口镇", "330681104", "服务站覆盖率", 10);
    target("MEMBER_UNIT", "诸暨市卫健局", "330681", "医养结合", 5);
    assertThat(problem(ZHUJI_OFFICER, "PUT", "/annual-assessments/targets/" + jiyang + "/score", "{\"score\":11}", 422))
        .isEqualTo("score-out-of-range");
    call(ZHUJI_OFFICER, "PUT", "/annual-assessments/targets/" + jiyang + "/score", "{\"score\":7.5}", 200);
    call(ZHUJI_OFFICER, "PUT", "/annual-assessments/targets/" + diankou + "/score", "{\"score\":9}", 200);
    assertThat(problem(ZHUJI_OFFICER, "POST", "/annual-assessments/targets", """
        {"year":2026,"unitKind":"TOWNSHIP","unitName":"诸暨","regionCode":"330681","target":"x","maxScore":1}""", 422))
        .isEqualTo("not-a-township");
    assertThat(problem(JIYANG_CASEWORKER, "PUT", "/annual-assessments/targets/" + jiyang + "/score", "{\"score\":1}", 403))
        .isEqualTo("forbidden");

    JsonNode results = call(ZHUJI_OFFICER, "GET", "/annual-assessments/2026", null, 200);
    assertThat(results.findValuesAsString("unitName")).containsExactly("店口镇", "暨阳街道", "诸暨市卫健局");
    assertThat(results.get(0).path("score").decimalValue()).isEqualByComparingTo("9.00");
    assertThat(results.get(2).path("targetsScored").asInt()).isZero();
    assertThat(call(JIYANG_CASEWORKER, "GET", "/annual-assessments/2026", null, 200).findValuesAsString("unitName"))
        .containsExactly("暨阳街道");
  }

  private long target(String kind, String unit, String region, String target, int max) throws Exception {
    return call(ZHUJI_OFFICER, "POST", "/annual-assessments/targets", """
        {"year":2026,"unitKind":"%s","unitName":"%s","regionCode":"%s","target":"%s","maxScore":%d}"""
        .formatted(kind, unit, region, target, max), 201).path("id").asLong();
  }
}
