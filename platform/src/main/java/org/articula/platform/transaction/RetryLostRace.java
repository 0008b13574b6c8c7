package org.articula.platform.transaction;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource (class or method): a call whose transaction lost a race to a concurrent one (the same
 * client id inserted at the same moment, a row's version changed under it, a deadlock, a serialization
 * failure) runs again once that transaction rolled back. Creates are idempotent by client id, so the second run finds what the winner
 * stored and answers as a repeat does: N identical requests at once get N answers a sequential repeat
 * would get, never a 500 or a 409. See {@link LostRaceInterceptor}.
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryLostRace {
}
