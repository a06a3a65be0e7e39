package gov.civilaffairs.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.civilaffairs.platform.idnumber.NationalIdNumber;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every operation of this service's OpenAPI document has a summary, a description with an example, an example for
 * each path parameter and each request-body property, and its errors as problem+json (400, 401, 403 everywhere;
 * 409/422 where the description names them). The platform's {@code /audit-entries} is documented there. Every
 * national ID number in an example carries the right check character (GB 11643-1999), so that trying it is not a 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
class OpenApiDocumentIT extends ReliefTestSupport {

  @Test
  void operationsHaveSummariesDescriptionsExamplesAndProblemJsonErrors() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/v3/api-docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = JSON.readTree(response.body());
    JsonNode schemas = document.path("components").path("schemas");
    List<String> missing = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      if (path.getKey().startsWith("/audit-entries")) {
        continue; // the platform's endpoint, documented there
      }
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String name = operation.getKey().toUpperCase() + " " + path.getKey();
        JsonNode op = operation.getValue();
        operations++;
        for (String status : List.of("400", "401", "403")) {
          if (!op.path("responses").path(status).path("content").has("application/problem+json")) {
            missing.add(name + ": " + status + " as problem+json");
          }
        }
        for (String status : List.of("409", "422")) {
          if (op.path("description").asString("").contains(status)
              && !op.path("responses").path(status).path("content").has("application/problem+json")) {
            missing.add(name + ": " + status + " as problem+json");
          }
        }
        if (op.path("summary").asString("").isBlank()) {
          missing.add(name + ": summary");
        }
        if (!op.path("description").asString("").contains("Example")) {
          missing.add(name + ": description with an example");
        }
        for (JsonNode parameter : op.path("parameters")) {
          if ("path".equals(parameter.path("in").asString()) && !parameter.has("example")
              && !parameter.path("schema").has("example")) {
            missing.add(name + ": example of path parameter " + parameter.path("name").asString());
          }
        }
        String ref = op.path("requestBody").path("content").path("application/json").path("schema").path("$ref")
            .asString("");
        if (!ref.isEmpty()) {
          JsonNode schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
          for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode value = property.getValue();
            if (!value.has("example") && !value.has("$ref") && !value.has("examples")) {
              missing.add(name + ": example of body property " + property.getKey());
            }
          }
        }
      }
    }
    Matcher idNumbers = Pattern.compile("(?<![0-9])\\d{6}(?:19|20)\\d{9}[0-9X](?![0-9])").matcher(response.body());
    while (idNumbers.find()) {
      String id = idNumbers.group();
      if (NationalIdNumber.checkCharacter(id.substring(0, 17)) != id.charAt(17)) {
        missing.add("example ID number " + id + ": wrong check character");
      }
    }
    assertThat(operations).isGreaterThan(80);
    assertThat(missing).isEmpty();
  }
}
