#ifndef LUCID_HTJ2K_MESSAGES_H
#define LUCID_HTJ2K_MESSAGES_H

/* Recording of OpenJPH's messages and the translation of exceptions into the shim's status. */

#include <cstddef>
#include <exception>
#include <new>
#include <string>

namespace lucid_htj2k {

/* Routes OpenJPH's error, warning and information output into per-thread records (once per process) and
   clears this thread's records. Call at the start of every entry point. */
void begin_recording();

/* The text of the last OpenJPH error or warning reported on this thread, without OpenJPH's
   "ojph error 0x... at file:line:" prefix; empty when there was none. */
std::string recorded_error();
std::string recorded_warning();
std::string recorded_info();

/* Copies `text` into the caller's buffer, truncating and always NUL-terminating. */
void set_message(char *message, std::size_t capacity, const std::string &text);

/* Writes the failure message for a caught exception: the recorded OpenJPH error, else `what`. */
void report_exception(const char *what, char *message, std::size_t capacity);

/* Starts recording, then runs `body` (which returns 0 or -1 and may throw); turns any exception
   into -1 and a message. */
template <typename Body>
int guarded(char *message, std::size_t capacity, Body body) {
    try {
        begin_recording();
        return body();
    } catch (const std::bad_alloc &) {
        set_message(message, capacity, "out of memory");
    } catch (const std::exception &error) {
        report_exception(error.what(), message, capacity);
    } catch (...) {
        report_exception(nullptr, message, capacity);
    }
    return -1;
}

}  // namespace lucid_htj2k

#endif
