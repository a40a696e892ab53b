import { expect } from 'chai';
import { rolesFromLti } from '../../src/lti/lti-roles.js';

describe('rolesFromLti', () => {
  const cases: [string[], string[]][] = [
    [[], ['learner']],
    [['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'], ['learner']],
    [['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'], ['evaluator', 'learner']],
    [
      ['http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant'],
      ['evaluator', 'learner'],
    ],
    [['Instructor'], ['evaluator', 'learner']],
    [['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator'], ['admin', 'learner']],
    [['http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator'], ['admin', 'learner']],
    [['http://example.com/custom#Administrator'], ['learner']],
    [['http://purl.imsglobal.org/vocab/lis/v2/unknown/unknown#Helper'], ['learner']],
  ];
  for (const [given, expected] of cases) {
    it(`maps ${JSON.stringify(given)} to ${expected.join(', ')}`, () => {
      expect(rolesFromLti(given)).to.have.members(expected).and.have.length(expected.length);
    });
  }
});
