// One value per version, in process memory. Course content changes only when it is seeded,
// and the seed writes a new Course.contentHash last, in the same transaction; every request
// reads the course row anyway, so each instance notices a new version on its next request
// and loads again. Nothing is shared between instances, so none can serve another's version.
export class VersionedCache<T> {
  private key = "";
  private value: Promise<T> | null = null;
  get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.key !== key || !this.value) {
      this.key = key;
      // A failed read is not kept: the next request tries again.
      this.value = load().catch((error) => {
        if (this.key === key) this.value = null;
        throw error;
      });
    }
    return this.value;
  }
}

