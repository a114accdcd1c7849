/*
 * note.c - the rules of a journal note (note.h): date, subject, text.
 */
#include "model/note.h"

ov_status ov_note_validate(const ov_note *n, ov_date today, ov_err *err)
{
    if (n->date <= 0)
        return ov_err_msg(err, OV_EINVAL, "date", note_date_missing);
    if (n->date > today)
        return ov_err_msg(err, OV_EINVAL, "date", note_date_in_future);
    ov_str subject = ov_str_trim(n->subject);
    if (subject.len == 0)
        return ov_err_msg(err, OV_EINVAL, "subject", note_subject_missing);
    if (subject.len > OV_NOTE_SUBJECT_MAX || !ov_str_is_utf8(subject))
        return ov_err_msg(err, OV_EINVAL, "subject", note_subject_too_long,
                          OV_NOTE_SUBJECT_MAX);
    ov_str text = ov_str_trim(n->text);
    if (text.len == 0)
        return ov_err_msg(err, OV_EINVAL, "text", note_text_missing);
    if (text.len > OV_NOTE_TEXT_MAX || !ov_str_is_utf8(text))
        return ov_err_msg(err, OV_EINVAL, "text", note_text_too_long,
                          OV_NOTE_TEXT_MAX);
    if (n->corrects < 0)
        return ov_err_msg(err, OV_EINVAL, "corrects", note_corrects_invalid);
    return OV_OK;
}
