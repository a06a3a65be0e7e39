package gov.civilaffairs.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the errors of every operation of a service's OpenAPI document as RFC 9457
 * {@code application/problem+json} (STYLE.md, APIs): 400, 401 and 403 everywhere, 404 where the path names a
 * record, and 409 or 422 where the operation's description names such a problem code. The {@code Problem} schema
 * is the platform's problem body ({@link Problems}). Registered for every service by
 * {@link PlatformWebAutoConfiguration}; an operation's own response for a status is kept.
 */
public class ProblemResponsesOpenApiCustomizer implements OpenApiCustomizer {

  static final String PROBLEM_JSON = "application/problem+json";

  @Override
  public void customise(OpenAPI openApi) {
    if (openApi.getComponents() == null) {
      openApi.setComponents(new Components());
    }
    openApi.getComponents().addSchemas("Problem", problemSchema());
    if (openApi.getPaths() == null) {
      return;
    }
    Content problem = new Content().addMediaType(PROBLEM_JSON,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
    openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
      String description = operation.getDescription() == null ? "" : operation.getDescription();
      Map<String, String> codes = new LinkedHashMap<>();
      codes.put("400", "Invalid input: problem+json naming the field and the rule (code validation-failed or as described)");
      codes.put("401", "No valid bearer token (code unauthorized)");
      codes.put("403", "The caller's role may not call this, or a region beyond the caller's area (forbidden, region-outside-area)");
      if (path.contains("{") || description.contains("404")) {
        codes.put("404", "Unknown, or outside the caller's area (code not-found)");
      }
      if (description.contains("409")) {
        codes.put("409", "Conflict with the current state (code as described)");
      }
      if (description.contains("422")) {
        codes.put("422", "A rule of the domain is broken (code as described)");
      }
      codes.forEach((status, text) -> {
        if (operation.getResponses().get(status) == null) {
          operation.getResponses().addApiResponse(status, new ApiResponse().description(text).content(problem));
        }
      });
    }));
  }

  private static Schema<?> problemSchema() {
    ObjectSchema error = new ObjectSchema();
    error.addProperty("field", new StringSchema().example("nationalIdNumber"));
    error.addProperty("rule", new StringSchema().example("ValidNationalIdNumber"));
    error.addProperty("message", new StringSchema().example("check character does not match (GB 11643-1999)"));
    error.addProperty("rejectedValue", new StringSchema().example("330681999999")
        .description("the value refused, only where it is not personal data (a region code, a code from a list); "
            + "never an ID number or a name"));
    ObjectSchema problem = new ObjectSchema();
    problem.description("RFC 9457 problem details with the platform's stable code");
    problem.addProperty("type", new StringSchema().example("urn:civil-affairs:problem:validation-failed"));
    problem.addProperty("title", new StringSchema().example("Bad Request"));
    problem.addProperty("status", new IntegerSchema().example(400));
    problem.addProperty("detail", new StringSchema()
        .example("The request is invalid: nationalIdNumber: check character does not match (GB 11643-1999)."));
    problem.addProperty("instance", new StringSchema().example("/persons"));
    problem.addProperty("code", new StringSchema().example("validation-failed"));
    problem.addProperty("errors", new ArraySchema().items(error));
    problem.required(List.of("type", "title", "status", "code"));
    return problem;
  }
}
