import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError, explain } from '../src/api';

describe('a failed call explained to the person who made it', () => {
  it('without signal: not promised to be sent later, since only lots wait on the phone', () => {
    const text = explain(new NetworkError('Failed to fetch'));
    expect(text).toBe('Sin conexión: no llegó la respuesta; vuelva a intentarlo cuando haya señal');
    expect(text).not.toMatch(/se enviará/);
  });

  it('refused: the server\'s own words, its violations when it gave no detail, or the expired session', () => {
    expect(explain(new ApiError(409, { detail: 'La impugnación ya se decidió: fundada por la contramuestra' })))
      .toBe('La impugnación ya se decidió: fundada por la contramuestra');
    expect(explain(new ApiError(400, { title: 'Datos inválidos', violations: [
      { field: 'testedBy', message: 'testedBy: no debe estar vacío' }, { field: 'readings', message: 'readings: falta' }] })))
      .toBe('testedBy: no debe estar vacío; readings: falta');
    expect(explain(new ApiError(401, { title: 'Unauthorized' }))).toBe('Su sesión venció: vuelva a entrar');
  });
});
