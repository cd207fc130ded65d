package io.dltrigger.engine.template;

/** A template that can't be parsed or refers to something that doesn't exist. */
public class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }
}
