import { describe, expect, it } from 'vitest';
import { breakdownInput, breakdownProblems, fieldOfServerPath } from './breakdown-form';

const photo = { caption: 'a.jpg', dataUrl: 'data:image/jpeg;base64,AA' };

describe('breakdown form', () => {
  it('asks for a site (or an equipment) and a description, and three photos at most', () => {
    expect(breakdownProblems({ siteId: '', equipmentId: '', description: '  ', photos: [photo, photo, photo, photo] })).toEqual({
      siteId: 'breakdown.siteRequired',
      description: 'breakdown.descriptionRequired',
      photos: 'breakdown.tooManyPhotos',
    });
    expect(breakdownProblems({ siteId: 's1', equipmentId: '', description: 'Fuite', photos: [photo] })).toEqual({});
  });

  it('sends the equipment when one is chosen, else the site', () => {
    expect(breakdownInput({ siteId: 's1', equipmentId: 'e1', description: ' Fuite ', photos: [photo] })).toEqual({
      equipmentId: 'e1',
      description: 'Fuite',
      photos: [photo],
    });
    expect(breakdownInput({ siteId: 's1', equipmentId: '', description: 'Bruit', photos: [] })).toEqual({
      siteId: 's1',
      description: 'Bruit',
      photos: [],
    });
  });

  it('places the server’s field errors under the right field', () => {
    expect(fieldOfServerPath('input.photos[1].dataUrl')).toBe('photos');
    expect(fieldOfServerPath('photos')).toBe('photos');
    expect(fieldOfServerPath('description')).toBe('description');
    expect(fieldOfServerPath('input.equipmentId')).toBe('siteId');
    expect(fieldOfServerPath('somethingElse')).toBeNull();
  });
});
