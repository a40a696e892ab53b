/** The parts of an xAPI 1.0.3 statement Accredit sends. */
export type LanguageMap = Record<string, string>;

export interface Activity {
  objectType: 'Activity';
  id: string;
  definition?: {
    type?: string;
    name?: LanguageMap;
    description?: LanguageMap;
    interactionType?: 'true-false' | 'choice';
    correctResponsesPattern?: string[];
    choices?: { id: string; description: LanguageMap }[];
  };
}

export interface Statement {
  id: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  verb: { id: string; display: LanguageMap };
  object: Activity;
  result?: {
    score?: { scaled?: number; raw?: number; min?: number; max?: number };
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
  };
  context: {
    /** The attempt's UUID; absent for events outside an attempt (a launch). */
    registration?: string;
    platform: string;
    language: string;
    contextActivities: { parent?: Activity[]; grouping?: Activity[]; category?: Activity[] };
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}
