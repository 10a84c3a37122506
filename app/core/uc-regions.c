/* uc-regions.c: country codes grouped into regions */
#include "uc-regions.h"

typedef struct
{
  char  *name;
  GStrv  countries;
} Region;

struct _UcRegions
{
  GArray *regions;   /* Region, in the order they were added */
  char   *rest;      /* the region of countries no other lists */
};

static void
region_clear (gpointer data)
{
  Region *region = data;

  g_free (region->name);
  g_strfreev (region->countries);
}

UcRegions *
uc_regions_new (void)
{
  UcRegions *self = g_new0 (UcRegions, 1);

  self->regions = g_array_new (FALSE, FALSE, sizeof (Region));
  g_array_set_clear_func (self->regions, region_clear);
  return self;
}

void
uc_regions_free (UcRegions *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->regions);
  g_free (self->rest);
  g_free (self);
}

/* Region @name, of @countries; NULL countries: the rest. */
void
uc_regions_add (UcRegions          *self,
                const char         *name,
                const char * const *countries)
{
  Region region;

  g_return_if_fail (self != NULL && name != NULL);
  if (countries == NULL)
    {
      g_free (self->rest);
      self->rest = g_strdup (name);
      return;
    }
  region.name = g_strdup (name);
  region.countries = g_strdupv ((char **) countries);
  g_array_append_val (self->regions, region);
}

/* The region of @countries, codes separated by ";"; NULL when none lists
 * one of them and no region takes the rest. */
const char *
uc_regions_lookup (UcRegions  *self,
                   const char *countries)
{
  g_auto(GStrv) codes = g_strsplit (countries ? countries : "", ";", -1);

  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; codes[i]; i++)
    g_strstrip (codes[i]);
  for (guint k = 0; k < self->regions->len; k++)
    {
      const Region *region = &g_array_index (self->regions, Region, k);

      for (guint i = 0; codes[i]; i++)
        if (g_strv_contains ((const char * const *) region->countries, codes[i]))
          return region->name;
    }
  return self->rest;
}

/* The regions the analyses compare, as the Model releases view groups them. */
UcRegions *
uc_regions_new_default (void)
{
  static const char *const us[] = { "US", NULL };
  static const char *const china[] = { "CN", NULL };
  static const char *const europe[] = { "AT", "BE", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IT", "NL",
                                        "NO", "PL", "SE", NULL };
  UcRegions *self = uc_regions_new ();

  uc_regions_add (self, "US", us);
  uc_regions_add (self, "China", china);
  uc_regions_add (self, "Europe", europe);
  uc_regions_add (self, "Other", NULL);
  return self;
}
