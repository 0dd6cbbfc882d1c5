import { describe, expect, it } from 'vitest';
import { ownerDecision } from './owner-rules';

const theo = { id: 'usr_theo', email: 'technicien@demo.relais.fr', fullName: 'Théo Le Floch' };

describe('the technician who owns the phone’s data', () => {
  it('keeps the owner’s own data, pending or not', () => {
    expect(ownerDecision(theo, 'usr_theo', 0)).toBe('keep');
    expect(ownerDecision(theo, 'usr_theo', 3)).toBe('keep');
  });

  it('takes a new phone', () => {
    expect(ownerDecision(null, 'usr_maelle', 0)).toBe('adopt');
  });

  it('clears another technician’s data when nothing of theirs is left to send', () => {
    expect(ownerDecision(theo, 'usr_maelle', 0)).toBe('clear');
  });

  it('never drops another technician’s unsent work silently', () => {
    expect(ownerDecision(theo, 'usr_maelle', 2)).toBe('othersWork');
  });
});
