package vn.haiphong.dx.shared;

/**
 * Marks an exception that refuses what a person sent, with a message for that person. The engine wraps
 * exceptions thrown from listeners and parsers; these are handed back unwrapped so clients get a 4xx and
 * the message (see {@code form.InputRejectionPlugin}).
 */
public interface UserRefusal {
}
