package gov.civilaffairs.platform.masking;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * Jackson 3 module that writes every property annotated {@link Masked} through its mask type,
 * asking the {@link MaskingPolicy} at each write (so that a policy may depend on the current
 * caller). Use with {@code JsonMapper.builder().addModule(new MaskingJacksonModule(policy))}; in a
 * service, {@link MaskingAutoConfiguration} registers it with Boot's {@code JsonMapper}.
 */
public class MaskingJacksonModule extends JacksonModule {

  private final MaskingPolicy policy;

  /** @param policy decides at each write whether a {@link Masked} value is masked */
  public MaskingJacksonModule(MaskingPolicy policy) {
    this.policy = policy;
  }

  @Override
  public String getModuleName() {
    return "civil-affairs-masking";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    context.insertAnnotationIntrospector(new MaskedIntrospector(policy));
  }

  /** Gives a {@link Masked} property its masking serializer; knows nothing else. */
  private static final class MaskedIntrospector extends NopAnnotationIntrospector {

    private final transient MaskingPolicy policy;

    MaskedIntrospector(MaskingPolicy policy) {
      this.policy = policy;
    }

    @Override
    public Object findSerializer(MapperConfig<?> config, Annotated annotated) {
      Masked masked = annotated.getAnnotation(Masked.class);
      return masked == null ? null : new MaskingSerializer(masked.value(), policy);
    }
  }

  /**
   * Writes the value's string form, masked when the policy says so; a collection (e.g. a household's
   * member ID numbers) as an array of its elements' string forms, each masked the same way.
   */
  private static final class MaskingSerializer extends ValueSerializer<Object> {

    private final MaskType type;
    private final MaskingPolicy policy;

    MaskingSerializer(MaskType type, MaskingPolicy policy) {
      this.type = type;
      this.policy = policy;
    }

    @Override
    public void serialize(Object value, JsonGenerator generator, SerializationContext context) {
      boolean mask = policy.masks(type);
      if (value instanceof Iterable<?> elements) {
        generator.writeStartArray();
        for (Object element : elements) {
          if (element == null) {
            generator.writeNull();
          } else {
            generator.writeString(mask ? type.mask(element.toString()) : element.toString());
          }
        }
        generator.writeEndArray();
        return;
      }
      String text = value.toString();
      generator.writeString(mask ? type.mask(text) : text);
    }
  }
}
