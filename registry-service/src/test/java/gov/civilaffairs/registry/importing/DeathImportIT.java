package gov.civilaffairs.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import gov.civilaffairs.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The daily death feed: good and bad rows in one file, each with its own result (issue 4). */
class DeathImportIT extends RegistryIntegrationTest {

  @Test
  void aFeedWithGoodAndBadRowsReportsEachRowAndAppliesTheGoodOnes() throws Exception {
    String police = newIdNumber();
    String duplicate = newIdNumber();
    String mismatch = newIdNumber();
    String future = newIdNumber();
    String lowercaseX = java.util.stream.Stream.generate(this::newIdNumber).filter(n -> n.endsWith("X")).findFirst().orElseThrow();
    String wrongCheck = newIdNumber();
    long policePerson = createPerson(police, "张一");
    createPerson(duplicate, "张二");
    createPerson(mismatch, "张三");
    createPerson(future, "张四");
    createPerson(lowercaseX, "张五");
    String csv = String.join("\n",
        "national_id_number,name,date_of_death,source,source_reference,time_of_death",
        police + ",张一,2025-06-01,HUKOU_CANCELLATION,F-" + police + ",",
        duplicate + ",张二,2025-06-02,CREMATION,F-" + duplicate + ",",
        duplicate + ",张二,2025-06-02,CREMATION,F-" + duplicate + ",",
        mismatch + ",李三,2025-06-03,MEDICAL_CERTIFICATE,F-" + mismatch + ",",
        future + ",张四," + LocalDate.now().plusDays(3) + ",HUKOU_CANCELLATION,F-" + future + ",",
        lowercaseX.toLowerCase() + ",张五,,HUKOU_CANCELLATION,F-" + lowercaseX + ",2025-06-30T23:30:00+08:00",
        wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0') + ",张六,2025-06-04,HUKOU_CANCELLATION,F-x,",
        police + ",张一,2025-06-01,NOT_A_SOURCE,F-y,");

    HttpResponse<String> response = send("/imports", "text/csv", csv);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    long importId = json(response).path("id").asLong();
    JsonNode report = json(get("/imports/" + importId));
    assertThat(report.path("rowCount").asInt()).isEqualTo(8);
    assertThat(report.at("/counts/ACCEPTED").asLong()).isEqualTo(3);
    assertThat(report.at("/counts/DUPLICATE").asLong()).isEqualTo(1);
    assertThat(report.at("/counts/HELD_FOR_REVIEW").asLong()).isEqualTo(1);
    assertThat(report.at("/counts/REJECTED").asLong()).isEqualTo(3);
    assertThat(report.path("rows").findValuesAsString("outcome")).containsExactly("ACCEPTED", "ACCEPTED", "DUPLICATE",
        "HELD_FOR_REVIEW", "REJECTED", "ACCEPTED", "REJECTED", "REJECTED");
    assertThat(report.at("/rows/4/reason").asString()).contains("after today");
    assertThat(report.at("/rows/6/reason").asString()).contains("check character");
    assertThat(report.at("/rows/7/reason").asString()).contains("source must be one of");
    assertThat(json(get("/deaths/" + report.at("/rows/5/deathRecordId").asLong())).path("dateOfDeath").asString())
        .isEqualTo("2025-06-30");
    assertThat(eventsOf(policePerson, 1, Duration.ofSeconds(15))).hasSize(1);
  }

  @Test
  void aFeedWithoutTheRequiredColumnsIsRefusedWhole() throws Exception {
    HttpResponse<String> response = send("/imports", "text/csv", "id,name\n1,x\n");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("code").asString()).isEqualTo("invalid-feed");
  }
}
