package vn.haiphong.dx.security;

import java.util.ArrayList;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.shared.UserRefusal;

/**
 * Models are code reviewed with the project: a model that runs scripts (script tasks, {@code camunda:script}
 * in listeners or input/output, conditions with a script language) is refused at deployment unless
 * {@code app.models.allow-scripts=true}. Only administrators may deploy at all (engine authorization).
 */
@Component
class ScriptFreeModelsPlugin extends AbstractProcessEnginePlugin {

    private final boolean allowScripts;

    ScriptFreeModelsPlugin(@Value("${app.models.allow-scripts:false}") boolean allowScripts) {
        this.allowScripts = allowScripts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (allowScripts) {
            return;
        }
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element process, ProcessDefinitionEntity definition) {
                refuseScripts(process, process.attribute("id"));
            }
        });
    }

    /** A model the engine will not run; answered with 400 (BadUserRequest) and this message. */
    static final class ModelRefusedException extends BadUserRequestException implements UserRefusal {
        ModelRefusedException(String message) {
            super(message);
        }
    }

    static void refuseScripts(Element element, String processId) {
        String tag = element.getTagName();
        boolean script = "scriptTask".equals(tag) || "script".equals(tag)
                || (element.attribute("language") != null && !element.attribute("language").isBlank());
        if (script) {
            throw new ModelRefusedException("Mô hình " + processId + " chứa script (phần tử «" + tag + "»"
                    + (element.attribute("id") == null ? "" : " " + element.attribute("id"))
                    + "): hệ thống không nhận mô hình có script. Hãy dùng service task gọi mã đã được duyệt.");
        }
        element.elements().forEach(child -> refuseScripts(child, processId));
    }
}
