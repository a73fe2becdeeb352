package org.voarchive.dali;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource of a DALI service: its refusals ({@link DaliErrors}) and its unexpected failures
 * (web.UnexpectedErrors) are DALI error VOTables, and for a cone search also say it as SCS 1.03 does (an
 * {@code INFO name="Error"} under VOTABLE). The mappers read it, so that resources need not catch anything.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DaliService {

    /** Simple Cone Search 1.03's error form too, and its Content-Type. */
    boolean coneSearch() default false;
}
