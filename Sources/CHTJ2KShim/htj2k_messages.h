#ifndef LUCID_HTJ2K_MESSAGES_H
#define LUCID_HTJ2K_MESSAGES_H

/* Recording of OpenJPH's messages and the translation of exceptions into the shim's status. */

#include <cstddef>
#include <string>

namespace lucid_htj2k {

/* Routes OpenJPH's error and warning output into per-thread records (once per process) and
   clears this thread's records. Call at the start of every entry point. */
void begin_recording();

/* The text of the last OpenJPH error or warning reported on this thread, without OpenJPH's
   "ojph error 0x... at file:line:" prefix; empty when there was none. */
std::string recorded_error();
std::string recorded_warning();

/* Copies `text` into the caller's buffer, truncating and always NUL-terminating. */
void set_message(char *message, std::size_t capacity, const std::string &text);

/* Runs `body` (which returns 0 or -1 and may throw); turns any exception into -1 and a message
   built from `operation` and the recorded OpenJPH error. */
template <typename Body>
int guarded(const char *operation, char *message, std::size_t capacity, Body body);

/* Writes the failure message for an exception caught during `operation`. */
void report_exception(const char *operation, const char *what, char *message, std::size_t capacity);

template <typename Body>
int guarded(const char *operation, char *message, std::size_t capacity, Body body) {
    try {
        begin_recording();
        return body();
    } catch (const std::bad_alloc &) {
        set_message(message, capacity, std::string(operation) + ": out of memory");
    } catch (const std::exception &error) {
        report_exception(operation, error.what(), message, capacity);
    } catch (...) {
        report_exception(operation, nullptr, message, capacity);
    }
    return -1;
}

}  // namespace lucid_htj2k

#endif
