/** A delivery attempt failed. `retryable` false means trying again cannot help (bad address, no credentials). */
export class DeliveryError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
    this.name = 'DeliveryError';
  }
}
