import type { Course, Program } from '../../domain/content/program.js';
import { findCourse } from '../../domain/content/program.js';
import { AppError } from '../../errors.js';
import type { Clock } from '../../ports/clock.js';
import type { ContentVersionRepository } from '../../ports/storage.js';

/**
 * The program in force, and every earlier version an attempt may be pinned to. Each version is
 * kept in the database when first used, so an attempt survives edits and restarts.
 */
export class ProgramVersions {
  private readonly cache = new Map<string, Program>();

  constructor(
    readonly current: Program,
    private readonly versions: ContentVersionRepository,
  ) {
    this.cache.set(current.version, current);
  }

  async publish(clock: Clock): Promise<void> {
    await this.versions.save(this.current.version, JSON.stringify(this.current), clock.now());
  }

  async at(version: string): Promise<Program> {
    const cached = this.cache.get(version);
    if (cached) return cached;
    const stored = await this.versions.find(version);
    if (!stored) throw new Error(`content version ${version} is not stored`);
    const program = JSON.parse(stored) as Program;
    this.cache.set(version, program);
    return program;
  }

  /** A course of the program in force; 404 with the known ids otherwise. */
  course(courseId: string): Course {
    const course = findCourse(this.current, courseId);
    if (!course) {
      throw new AppError(
        'not_found',
        `There is no course '${courseId}'. Courses: ${this.current.courses.map((c) => c.id).join(', ')}.`,
      );
    }
    return course;
  }

  /** A course as it was in the given version (what an attempt was drawn from). */
  async courseAt(version: string, courseId: string): Promise<Course> {
    const course = findCourse(await this.at(version), courseId);
    if (!course) throw new Error(`course ${courseId} is missing from content version ${version}`);
    return course;
  }
}
