package gov.civilaffairs.registry.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import gov.civilaffairs.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A refused person names the field it concerns in {@code errors[]} (README, API documentation): the value
 * refused is echoed where it is not personal data (a region code, a sex code), never a birth date, an ID
 * number or a name (docs/security.md). Nothing is indexed.
 */
class PersonFieldErrorsIT extends RegistryIntegrationTest {

  private static final String HEADER = "national_id_number,name,sex,birth_date,region_code";

  @Test
  void aBirthDateThatDisagreesWithTheIdNumberNamesTheFieldAndEchoesNoDate() throws Exception {
    String idNumber = newIdNumber(); // born 1950-03-15

    HttpResponse<String> refused = post("/persons", Map.of("nationalIdNumber", idNumber, "name", "吴一",
        "birthDate", "1951-04-16", "regionCode", "330681001001"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    JsonNode problem = json(refused);
    assertThat(problem.path("code").asString()).isEqualTo("birth-date-mismatch");
    assertThat(problem.path("field").asString()).isEqualTo("birthDate");
    assertThat(problem.path("errors")).hasSize(1);
    assertThat(problem.at("/errors/0/field").asString()).isEqualTo("birthDate");
    assertThat(problem.at("/errors/0/rule").asString()).isEqualTo("birth-date-mismatch");
    assertThat(problem.at("/errors/0/rejectedValue").isMissingNode()).as("a birth date is personal data").isTrue();
    assertThat(refused.body()).doesNotContain("1951-04-16", "1950-03-15", "19500315", idNumber, "吴一");
    assertThat(get("/persons?nationalIdNumber=" + idNumber).statusCode()).isEqualTo(404);
  }

  @Test
  void aSexThatDisagreesWithTheIdNumberNamesTheFieldAndTheCode() throws Exception {
    String idNumber = newIdNumber(); // a man: odd sequence digit

    HttpResponse<String> refused = post("/persons", Map.of("nationalIdNumber", idNumber, "name", "吴二",
        "sex", "FEMALE", "regionCode", "330681001001"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    JsonNode problem = json(refused);
    assertThat(problem.path("code").asString()).isEqualTo("sex-mismatch");
    assertThat(problem.path("errors")).hasSize(1);
    assertThat(problem.at("/errors/0/field").asString()).isEqualTo("sex");
    assertThat(problem.at("/errors/0/rule").asString()).isEqualTo("sex-mismatch");
    assertThat(problem.at("/errors/0/rejectedValue").asString()).isEqualTo("FEMALE");
    assertThat(problem.path("rejectedValue").isMissingNode()).as("only inside errors[]").isTrue();
    assertThat(refused.body()).doesNotContain(idNumber, "吴二");
    assertThat(get("/persons?nationalIdNumber=" + idNumber).statusCode()).isEqualTo(404);
  }

  @Test
  void anUnknownRegionNamesTheFieldAndTheCode() throws Exception {
    String idNumber = newIdNumber();

    HttpResponse<String> refused = post("/persons", Map.of("nationalIdNumber", idNumber, "name", "吴三",
        "regionCode", "330681999999"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    JsonNode problem = json(refused);
    assertThat(problem.path("code").asString()).isEqualTo("unknown-region");
    assertThat(problem.path("field").asString()).isEqualTo("regionCode");
    assertThat(problem.path("errors")).hasSize(1);
    assertThat(problem.at("/errors/0/field").asString()).isEqualTo("regionCode");
    assertThat(problem.at("/errors/0/rule").asString()).isEqualTo("unknown-region");
    assertThat(problem.at("/errors/0/rejectedValue").asString()).isEqualTo("330681999999");
    assertThat(get("/persons?nationalIdNumber=" + idNumber).statusCode()).isEqualTo(404);
  }

  @Test
  void rejectedFeedRowsNameTheirCodeAndField() throws Exception {
    String sexWrong = newIdNumber();
    String dateWrong = newIdNumber();
    String regionWrong = newIdNumber();
    String csv = String.join("\n", HEADER,
        sexWrong + ",吴四,female,,330681001001",
        dateWrong + ",吴五,,1951-04-16,330681001001",
        regionWrong + ",吴六,,,330681999999",
        newIdNumber() + ",吴七,MALE,1950-03-15,330681001001");

    HttpResponse<String> response = send(SUPERVISOR, "/persons/imports", "text/csv", csv);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode rows = json(response).path("rows");
    assertThat(rows.findValuesAsString("outcome")).containsExactly("REJECTED", "REJECTED", "REJECTED", "CREATED");
    assertThat(rows.get(0).path("code").asString()).isEqualTo("sex-mismatch");
    assertThat(rows.get(0).path("field").asString()).isEqualTo("sex");
    assertThat(rows.get(0).path("reason").asString()).contains("FEMALE");
    assertThat(rows.get(1).path("code").asString()).isEqualTo("birth-date-mismatch");
    assertThat(rows.get(1).path("field").asString()).isEqualTo("birthDate");
    assertThat(rows.get(1).path("reason").asString()).doesNotContain("1951-04-16", "1950-03-15");
    assertThat(rows.get(2).path("code").asString()).isEqualTo("unknown-region");
    assertThat(rows.get(2).path("field").asString()).isEqualTo("regionCode");
    assertThat(rows.get(3).path("code").isNull()).isTrue();
    assertThat(rows.get(3).path("field").isNull()).isTrue();
    assertThat(get("/persons?nationalIdNumber=" + sexWrong).statusCode()).isEqualTo(404);
    assertThat(get("/persons?nationalIdNumber=" + dateWrong).statusCode()).isEqualTo(404);
    assertThat(get("/persons?nationalIdNumber=" + regionWrong).statusCode()).isEqualTo(404);
  }
}
