package gov.civilaffairs.platform.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MaskingJacksonModuleTest {

  record PersonView(
      String name,
      @Masked(MaskType.NATIONAL_ID_NUMBER) String idNumber,
      @Masked(MaskType.MOBILE_PHONE) String mobile,
      @Masked(MaskType.BANK_ACCOUNT) String bankAccount) {
  }

  private static final PersonView PERSON =
      new PersonView("张三", "33068119900101123X", "13812345678", "6222021234561234");

  @Test
  void masksAnnotatedComponentsOnly() {
    JsonMapper mapper = JsonMapper.builder().addModule(new MaskingJacksonModule(MaskingPolicy.ALWAYS)).build();

    assertThat(mapper.writeValueAsString(PERSON)).isEqualTo(
        "{\"name\":\"张三\",\"idNumber\":\"330681********123X\",\"mobile\":\"138****5678\","
            + "\"bankAccount\":\"************1234\"}");
  }

  @Test
  void writesNullAsNull() {
    JsonMapper mapper = JsonMapper.builder().addModule(new MaskingJacksonModule(MaskingPolicy.ALWAYS)).build();

    assertThat(mapper.writeValueAsString(new PersonView("李四", null, null, null)))
        .isEqualTo("{\"name\":\"李四\",\"idNumber\":null,\"mobile\":null,\"bankAccount\":null}");
  }

  @Test
  void asksThePolicyAtEachWrite() {
    AtomicBoolean callerMayReadIdNumbers = new AtomicBoolean(false);
    MaskingPolicy policy = type -> !(type == MaskType.NATIONAL_ID_NUMBER && callerMayReadIdNumbers.get());
    JsonMapper mapper = JsonMapper.builder().addModule(new MaskingJacksonModule(policy)).build();

    assertThat(mapper.readTree(mapper.writeValueAsString(PERSON)).get("idNumber").asString())
        .isEqualTo("330681********123X");

    callerMayReadIdNumbers.set(true);
    String json = mapper.writeValueAsString(PERSON);
    assertThat(mapper.readTree(json).get("idNumber").asString()).isEqualTo("33068119900101123X");
    assertThat(mapper.readTree(json).get("mobile").asString()).isEqualTo("138****5678");
  }

  @Test
  void masksEachElementOfAnAnnotatedList() {
    record Household(@Masked(MaskType.NATIONAL_ID_NUMBER) java.util.List<String> members) {
    }
    JsonMapper mapper = JsonMapper.builder().addModule(new MaskingJacksonModule(MaskingPolicy.ALWAYS)).build();

    assertThat(mapper.writeValueAsString(new Household(java.util.Arrays.asList("33068119900101123X", null,
        "330681195003150013")))).isEqualTo("{\"members\":[\"330681********123X\",null,\"330681********0013\"]}");
  }

  @Test
  void leavesUnannotatedRecordsAlone() {
    record Plain(String idNumber) {
    }
    JsonMapper mapper = JsonMapper.builder().addModule(new MaskingJacksonModule(MaskingPolicy.ALWAYS)).build();

    assertThat(mapper.writeValueAsString(new Plain("33068119900101123X")))
        .isEqualTo("{\"idNumber\":\"33068119900101123X\"}");
  }
}
