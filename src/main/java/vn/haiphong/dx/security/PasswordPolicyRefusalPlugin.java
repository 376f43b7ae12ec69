package vn.haiphong.dx.security;

import java.util.ArrayList;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.shared.UserRefusal;

/**
 * With the password policy on, the engine refuses a weak password with a bare English exception that the REST
 * API answers with 500. The administrator gets a 400 and the policy in Vietnamese instead.
 */
@Component
class PasswordPolicyRefusalPlugin extends AbstractProcessEnginePlugin {

    /** The engine's message for a password the policy refuses (SaveUserCmd, Camunda 7.24). */
    static final String ENGINE_MESSAGE = "Password does not match policy";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var interceptors = new ArrayList<CommandInterceptor>();
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                try {
                    return next.execute(command);
                } catch (ProcessEngineException e) {
                    if (ENGINE_MESSAGE.equals(e.getMessage())) {
                        throw new WeakPasswordException();
                    }
                    throw e;
                }
            }
        });
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class WeakPasswordException extends BadUserRequestException implements UserRefusal {
        WeakPasswordException() {
            super("Mật khẩu chưa đạt chính sách: ít nhất 10 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt, "
                    + "không chứa tên đăng nhập hay họ tên của người dùng.");
        }
    }
}
