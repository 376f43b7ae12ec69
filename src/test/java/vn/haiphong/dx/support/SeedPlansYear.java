package vn.haiphong.dx.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test class works on a seed plan as it runs in its own year: each test starts on the engine clock of
 * {@link SeedEraClock#START} unless it sets the clock itself.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SeedPlansYear {
}
