package gov.civilaffairs.registry.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import gov.civilaffairs.registry.RegistryIntegrationTest;
import gov.civilaffairs.registry.TestIdNumbers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The bulk feed of the person index from the household-registration system: a result per row. */
class PersonImportIT extends RegistryIntegrationTest {

  private static final String HEADER = "national_id_number,name,sex,birth_date,region_code";

  @Test
  void aFeedCreatesTheNewPersonsAndReportsEveryOtherRowWithItsReason() throws Exception {
    String fresh = newIdNumber();
    String lowercase = java.util.stream.Stream.generate(this::newIdNumber).filter(n -> n.endsWith("X")).findFirst().orElseThrow();
    String known = newIdNumber();
    long knownId = createPerson(known, "孙一");
    String wrongCheck = newIdNumber();
    wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0');
    String csv = String.join("\n", HEADER,
        fresh + ",孙二,MALE,1950-03-15,330681001001",
        lowercase.toLowerCase() + ",孙三,,,330681109290",
        known + ",孙一,,,330681001001",
        fresh + ",孙二,,,330681001001",
        wrongCheck + ",孙四,,,330681001001",
        newIdNumber() + ",孙五,FEMALE,,330681001001",
        newIdNumber() + ",孙六,,,330681999999",
        newIdNumber() + ",孙七,,,330602001004",
        newIdNumber() + ",,,,330681001001");

    HttpResponse<String> response = send(SUPERVISOR, "/persons/imports", "text/csv", csv);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = json(response);
    assertThat(result.path("rowCount").asInt()).isEqualTo(9);
    assertThat(result.path("rows").findValuesAsString("outcome")).containsExactly("CREATED", "CREATED",
        "ALREADY_INDEXED", "ALREADY_INDEXED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED");
    assertThat(result.at("/counts/CREATED").asLong()).isEqualTo(2);
    assertThat(result.at("/rows/2/personId").asLong()).isEqualTo(knownId);
    assertThat(result.at("/rows/3/personId").asLong()).isEqualTo(result.at("/rows/0/personId").asLong());
    assertThat(result.at("/rows/3/reason").asString()).contains("row 1");
    assertThat(result.at("/rows/4/reason").asString()).contains("check character");
    assertThat(result.at("/rows/5/reason").asString()).contains("sex");
    assertThat(result.at("/rows/6/reason").asString()).contains("330681999999");
    assertThat(result.at("/rows/7/reason").asString()).contains("outside");
    assertThat(result.at("/rows/8/reason").asString()).contains("name");

    JsonNode created = json(get(SUPERVISOR, "/persons?nationalIdNumber=" + lowercase));
    assertThat(created.path("name").asString()).isEqualTo("孙三");
    assertThat(created.path("sex").asString()).isEqualTo("MALE");
    assertThat(created.path("birthDate").asString()).isEqualTo("1950-03-15");
    assertThat(created.path("status").asString()).isEqualTo("LIVING");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE national_id_number = ?", Long.class, fresh))
        .isEqualTo(1);

    HttpResponse<String> again = send(SUPERVISOR, "/persons/imports", "text/csv", String.join("\n", HEADER,
        fresh + ",孙二,,,330681001001"));
    assertThat(json(again).path("rows").findValuesAsString("outcome")).containsExactly("ALREADY_INDEXED");
  }

  @Test
  void aFeedWithoutTheColumnsIsRefusedAndACaseworkerMayNotSendOne() throws Exception {
    HttpResponse<String> noColumns = send(SUPERVISOR, "/persons/imports", "text/csv", "national_id_number,name\n"
        + TestIdNumbers.valid(LocalDate.of(1960, 1, 1)) + ",x\n");
    assertThat(noColumns.statusCode()).isEqualTo(400);
    assertThat(json(noColumns).path("code").asString()).isEqualTo("invalid-feed");

    HttpResponse<String> caseworker = send(CASEWORKER, "/persons/imports", "text/csv", HEADER + "\n");
    assertThat(caseworker.statusCode()).isEqualTo(403);
  }
}
