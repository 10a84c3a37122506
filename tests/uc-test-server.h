/* uc-test-server.h: a local web server playing data sources, well or badly
 *
 * No test leaves the machine. The server speaks plain HTTP/1.1 from a
 * worker thread per connection (libsoup 3.2's own server leaks the
 * connections a client closes, which the sanitizer build reports). Each
 * path answers what a test set for it; answers carry an ETag of their
 * bytes, so a client holding the same copy gets 304.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _UcTestServer UcTestServer;

typedef enum
{
  UC_TEST_ANSWER,       /* the status, type and body set */
  UC_TEST_STALL,        /* never answers */
  UC_TEST_TRUNCATE,     /* says a length, sends half, hangs up */
  UC_TEST_LOOP,         /* redirects to itself */
} UcTestBehaviour;

UcTestServer *uc_test_server_new        (void);
void          uc_test_server_free       (UcTestServer    *self);
char         *uc_test_server_url        (UcTestServer    *self,
                                         const char      *path);
void          uc_test_server_set        (UcTestServer    *self,
                                         const char      *path,
                                         UcTestBehaviour  behaviour,
                                         guint            status,
                                         const char      *content_type,
                                         GBytes          *body,
                                         const char      *headers);
void          uc_test_server_set_file   (UcTestServer    *self,
                                         const char      *path,
                                         const char      *content_type,
                                         const char      *fixture);
guint         uc_test_server_hits       (UcTestServer    *self,
                                         const char      *path);
guint         uc_test_server_not_modified (UcTestServer  *self,
                                         const char      *path);
char         *uc_test_server_agent      (UcTestServer    *self,
                                         const char      *path);
GBytes       *uc_test_fixture           (const char      *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcTestServer, uc_test_server_free)

G_END_DECLS
