/*
** Forms: the one way pages draw fields and report what is wrong with them.
**
** A page validates everything a request carries into a FormErrors first; if
** it holds anything, the page re-shows the form with the user's input, each
** message next to its field, a summary at the top, and answers 422 without
** writing anything.
*/
#ifndef COSOC_RENDER_FORM_H
#define COSOC_RENDER_FORM_H

#include "domain/problems.h"
#include "render/html.h"

/* A form's errors are a list of problems (domain/problems.h): what a
** check found goes to the form's fields as it is. */
typedef Problems FormErrors;
#define form_errors_init problems_init
/* Records zMessage for zField (NULL: about the whole form). zMessage NULL is
** ignored, so validators that return NULL for "fine" can be passed as is. */
#define form_error problem_add
#define form_error_for problem_for

/* The summary box listing every error, linked to its field. */
void form_errors_summary(Html *h, const FormErrors *pErr);
/* The hidden CSRF field every POST form carries. */
void form_csrf(Html *h, const char *zToken);

/* A labelled <input>. zTrustedAttrs is a string literal of extra attributes
** (autocomplete="email" required ...), never user data. */
void form_input(Html *h, const FormErrors *pErr, const char *zName,
                const char *zLabel, const char *zType, const char *zValue,
                const char *zHint, const char *zTrustedAttrs);
/* A labelled <select> whose <option>s the caller writes between the two
** (grouped ones, say); the error is pErr's for zName. */
void form_select_begin(Html *h, const FormErrors *pErr, const char *zName,
                       const char *zLabel);
void form_select_end(Html *h, const FormErrors *pErr, const char *zName);
/* A labelled <select>; azValue/azLabel have n entries. */
void form_select(Html *h, const FormErrors *pErr, const char *zName,
                 const char *zLabel, const char *const *azValue,
                 const char *const *azLabel, int n, const char *zSelected);

#endif
