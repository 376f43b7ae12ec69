package vn.haiphong.dx.form;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.shared.UserRefusal;

/**
 * The engine wraps whatever a task listener or a parse listener throws into a generic exception
 * (ENGINE-03051, ENGINE-01009), which the REST API answers with 500. This outermost command interceptor hands
 * a {@link UserRefusal} (rejected input, a refused model) back unwrapped, after the transaction has rolled
 * back, so clients get 400 and the person's message.
 */
@Component
class InputRejectionPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> existing) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new UnwrapRejection());
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }

    static final class UnwrapRejection extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof UserRefusal && cause instanceof ProcessEngineException refusal) {
                        throw refusal;
                    }
                }
                throw e;
            }
        }
    }
}
