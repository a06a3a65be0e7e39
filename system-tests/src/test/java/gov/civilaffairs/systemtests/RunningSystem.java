package gov.civilaffairs.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that gives test classes the {@link SystemUnderTest}, started once for the whole test
 * run (the first class that asks starts it, in the root context's store) and stopped when the run ends,
 * also when tests fail. Use with {@code @ExtendWith(RunningSystem.class)} and a {@code SystemUnderTest}
 * parameter of a test, a {@code @BeforeAll} method or the constructor.
 */
final class RunningSystem implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSystem.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SystemUnderTest.class;
  }

  @Override
  public SystemUnderTest resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .computeIfAbsent(SystemUnderTest.class, type -> SystemUnderTest.start(), SystemUnderTest.class);
  }
}
