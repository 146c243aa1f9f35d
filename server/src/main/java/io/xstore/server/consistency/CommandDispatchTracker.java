package io.xstore.server.consistency;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.BiFunction;

/** Notes, per serving thread, whether the API call dispatched a command (so its answer must wait for projections). */
@Component
public class CommandDispatchTracker implements MessageDispatchInterceptor<CommandMessage<?>>, SmartInitializingSingleton {

    private static final ThreadLocal<boolean[]> DISPATCHED = new ThreadLocal<>();

    private final CommandBus commandBus;

    public CommandDispatchTracker(CommandBus commandBus) {
        this.commandBus = commandBus;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerDispatchInterceptor(this);
    }

    public static void begin() {
        DISPATCHED.set(new boolean[1]);
    }

    public static boolean dispatched() {
        boolean[] flag = DISPATCHED.get();
        return flag != null && flag[0];
    }

    public static void end() {
        DISPATCHED.remove();
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            boolean[] flag = DISPATCHED.get();
            if (flag != null) {
                flag[0] = true;
            }
            return message;
        };
    }
}
